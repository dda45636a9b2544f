import { randomBytes, randomUUID } from 'node:crypto';
import { Column, Entity, ManyToOne, PrimaryColumn, type DataSource } from 'typeorm';
import { dropDatabase, ensureDatabaseExists } from './database-admin';
import { createDataSource } from './data-source.factory';
import { lockById } from './lock-by-id';
import { postgresErrorCode } from './transaction';

const centsAsNumber = {
  to: (value: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'locked_case' })
class LockedCaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'office_code' }) officeCode: string;
  @Column('text', { array: true }) languages: string[];
  @Column('jsonb') terms: { kind: string; hours?: number }[];
  @Column('bigint', { name: 'amount_minor', nullable: true, transformer: centsAsNumber }) amountMinor: number | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('text', { name: 'secret_note', select: false, nullable: true }) secretNote: string | null;
}

@Entity({ name: 'locked_session' })
class LockedSessionEntity {
  @PrimaryColumn('uuid') id: string;
  @ManyToOne(() => LockedCaseEntity) case: LockedCaseEntity;
}

describe('lockById: an entity by its id with its row locked, as findOne with a pessimistic lock answers it', () => {
  const url = new URL(process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/rj_test_lock_by_id_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;
  const id = randomUUID();

  beforeAll(async () => {
    await ensureDatabaseExists(url.toString());
    dataSource = await createDataSource({
      url: url.toString(),
      entities: [LockedCaseEntity, LockedSessionEntity],
    }).initialize();
    await dataSource.query(`create table locked_case (id uuid primary key, office_code text not null, languages text[] not null,
      terms jsonb not null, amount_minor bigint, closed_at timestamptz, secret_note text)`);
    await dataSource.query(
      `create table locked_session (id uuid primary key, "caseId" uuid references locked_case (id))`,
    );
    await dataSource.query(
      `insert into locked_case values ($1, 'NL-NH', '{nl,en}', '[{"kind":"service","hours":12}]', 4500, '2026-12-07T09:00:00Z', 'never read')`,
      [id],
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url.toString());
  });

  it('answers the same entity as findOne: typed columns, transformers, and no column that is never selected', async () => {
    const [ours, typeorms] = await dataSource.transaction(async (manager) => [
      await lockById(manager, LockedCaseEntity, id),
      await manager.findOne(LockedCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }),
    ]);
    expect(ours).toBeInstanceOf(LockedCaseEntity);
    expect(ours).toEqual(typeorms);
    expect(ours).toEqual({
      id,
      officeCode: 'NL-NH',
      languages: ['nl', 'en'],
      terms: [{ kind: 'service', hours: 12 }],
      amountMinor: 4500,
      closedAt: new Date('2026-12-07T09:00:00Z'),
    });
  });

  it('answers null for an id with no row', async () => {
    expect(await dataSource.transaction((manager) => lockById(manager, LockedCaseEntity, randomUUID()))).toBeNull();
  });

  it('holds the row lock until its transaction ends', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = dataSource.transaction(async (manager) => {
      await lockById(manager, LockedCaseEntity, id);
      locked();
      await held;
    });
    await isLocked;
    const refused = await dataSource
      .query('select id from locked_case where id = $1 for update nowait', [id])
      .catch((error: unknown) => postgresErrorCode(error));
    expect(refused).toBe('55P03'); // lock_not_available
    release();
    await holder;
    expect(await dataSource.query('select id from locked_case where id = $1 for update nowait', [id])).toHaveLength(1);
  });

  it('refuses an entity with relations, which findOne maps and it does not', async () => {
    await expect(
      dataSource.transaction((manager) => lockById(manager, LockedSessionEntity, randomUUID())),
    ).rejects.toThrow('LockedSessionEntity has relations');
  });
});
