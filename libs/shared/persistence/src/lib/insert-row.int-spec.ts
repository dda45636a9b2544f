import { randomBytes, randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, Entity, PrimaryColumn, type DataSource } from 'typeorm';
import { dropDatabase, ensureDatabaseExists } from './database-admin';
import { createDataSource } from './data-source.factory';
import { insertRow } from './insert-row';

const centsAsText = {
  to: (value: number | null) => (value === null ? null : String(value)),
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'inserted_case' })
class InsertedCaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text', { name: 'office_code' }) officeCode: string;
  @Column('text', { array: true }) languages: string[];
  @Column('jsonb') terms: { kind: string; hours?: number }[];
  @Column('bigint', { name: 'amount_minor', nullable: true, transformer: centsAsText }) amountMinor: number | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('text', { name: 'secret_note', select: false, nullable: true }) secretNote?: string | null;
  @Column('text', { default: 'open' }) status?: string;
}

@Entity({ name: 'dated_case' })
class DatedCaseEntity {
  @PrimaryColumn('uuid') id: string;
  @CreateDateColumn({ name: 'created_at' }) createdAt: Date;
}

describe('insertRow: one entity’s row, as manager.insert writes it, from a statement built once', () => {
  const url = new URL(process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/rj_test_insert_row_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;
  const rowOf = async (id: string) =>
    (await dataSource.query('select to_jsonb(c) - $2 as row from inserted_case c where id = $1', [id, 'id']))[0]?.row;
  const aCase = (): InsertedCaseEntity => ({
    id: randomUUID(),
    officeCode: 'NL-NH',
    languages: ['nl', 'en'],
    terms: [{ kind: 'service', hours: 12 }, { kind: 'apology' }],
    amountMinor: 4500,
    closedAt: new Date('2026-12-07T09:00:00.123Z'),
    secretNote: 'kept',
    status: 'closed',
  });

  beforeAll(async () => {
    await ensureDatabaseExists(url.toString());
    dataSource = await createDataSource({
      url: url.toString(),
      entities: [InsertedCaseEntity, DatedCaseEntity],
    }).initialize();
    await dataSource.query(`create table inserted_case (id uuid primary key, office_code text not null, languages text[] not null,
      terms jsonb not null, amount_minor bigint, closed_at timestamptz, secret_note text, status text not null default 'open')`);
    await dataSource.query(
      'create table dated_case (id uuid primary key, created_at timestamptz not null default now())',
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url.toString());
  });

  it('writes every column as manager.insert does: arrays, json, transformers, dates, unselected columns', async () => {
    const ours = aCase();
    const typeorms = { ...aCase(), id: randomUUID() };
    await dataSource.transaction(async (manager) => {
      await insertRow(manager, InsertedCaseEntity, ours);
      await manager.insert(InsertedCaseEntity, typeorms);
    });
    const written = await rowOf(ours.id);
    expect(written).toEqual(await rowOf(typeorms.id));
    expect(written).toMatchObject({
      languages: ['nl', 'en'],
      terms: [{ kind: 'service', hours: 12 }, { kind: 'apology' }],
      amount_minor: 4500,
      closed_at: '2026-12-07T09:00:00.123+00:00',
      secret_note: 'kept',
    });
  });

  it('writes nulls as nulls, and leaves a column the entity does not give to its default', async () => {
    const withNulls = { ...aCase(), amountMinor: null, closedAt: null, secretNote: null };
    const withoutStatus = { ...aCase() } as InsertedCaseEntity;
    delete withoutStatus.status;
    await insertRow(dataSource.manager, InsertedCaseEntity, withNulls);
    await insertRow(dataSource.manager, InsertedCaseEntity, withoutStatus);
    expect(await rowOf(withNulls.id)).toMatchObject({ amount_minor: null, closed_at: null, secret_note: null });
    expect(await rowOf(withoutStatus.id)).toMatchObject({ status: 'open' });
  });

  it('skips a conflicting row when asked (on conflict do nothing), and refuses it otherwise', async () => {
    const first = aCase();
    await insertRow(dataSource.manager, InsertedCaseEntity, first);
    await insertRow(dataSource.manager, InsertedCaseEntity, { ...first, officeCode: 'NL-ZH' }, { ifConflict: 'skip' });
    const withoutStatus = { ...first, officeCode: 'NL-UT' } as InsertedCaseEntity;
    delete withoutStatus.status; // the query builder's path skips too
    await insertRow(dataSource.manager, InsertedCaseEntity, withoutStatus, { ifConflict: 'skip' });
    expect(await rowOf(first.id)).toMatchObject({ office_code: 'NL-NH' });
    await expect(insertRow(dataSource.manager, InsertedCaseEntity, first)).rejects.toThrow(/duplicate key/);
  });

  it('is part of the caller’s transaction: a rollback takes the row with it', async () => {
    const rolledBack = aCase();
    await expect(
      dataSource.transaction(async (manager) => {
        await insertRow(manager, InsertedCaseEntity, rolledBack);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect(await rowOf(rolledBack.id)).toBeUndefined();
  });

  it('refuses an entity whose columns TypeORM fills in itself', async () => {
    await expect(
      insertRow(dataSource.manager, DatedCaseEntity, { id: randomUUID(), createdAt: new Date() }),
    ).rejects.toThrow(/DatedCaseEntity has generated, dated or versioned columns/);
  });
});
