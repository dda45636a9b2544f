import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { dropDatabase, ensureDatabaseExists } from './database-admin';
import { createDataSource } from './data-source.factory';
import { postgresErrorCode, withRetriedTransaction, withTransaction } from './transaction';

/** Resolves once `count` callers have arrived: both transactions hold their first lock. */
function barrier(count: number): () => Promise<void> {
  let arrived = 0;
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived += 1;
    if (arrived === count) release();
    return released;
  };
}

describe('withRetriedTransaction: a transaction Postgres rolled back for a deadlock runs again', () => {
  const url = new URL(process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/rj_test_transaction_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await ensureDatabaseExists(url.toString());
    dataSource = await createDataSource({ url: url.toString(), entities: [] }).initialize();
    await dataSource.query('create table account (id text primary key, moves int not null default 0)');
    await dataSource.query(`insert into account (id) values ('a'), ('b')`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url.toString());
  });

  /** Locks `first`, waits until the other transaction holds its own first lock, then locks `second`. */
  const crossing =
    (first: string, second: string, bothHoldOne: () => Promise<void>, attempts: number[]) =>
    async (manager: EntityManager) => {
      attempts.push(1);
      await manager.query('update account set moves = moves + 1 where id = $1', [first]);
      if (attempts.length === 1) await bothHoldOne(); // only the first attempt of each crosses the other
      await manager.query('update account set moves = moves + 1 where id = $1', [second]);
    };

  it('commits both of two crossing transactions, the deadlock’s loser on its second attempt', async () => {
    const bothHoldOne = barrier(2);
    const attemptsAB: number[] = [];
    const attemptsBA: number[] = [];
    await Promise.all([
      withRetriedTransaction(dataSource, crossing('a', 'b', bothHoldOne, attemptsAB)),
      withRetriedTransaction(dataSource, crossing('b', 'a', bothHoldOne, attemptsBA)),
    ]);
    expect([attemptsAB.length, attemptsBA.length].sort()).toEqual([1, 2]);
    // Each committed once: the rolled-back attempt left nothing behind.
    expect(await dataSource.query('select id, moves from account order by id')).toEqual([
      { id: 'a', moves: 2 },
      { id: 'b', moves: 2 },
    ]);
  });

  it('where withTransaction answers the deadlock to one of them (40P01)', async () => {
    const bothHoldOne = barrier(2);
    const outcomes = await Promise.allSettled([
      withTransaction(dataSource, crossing('a', 'b', bothHoldOne, [])),
      withTransaction(dataSource, crossing('b', 'a', bothHoldOne, [])),
    ]);
    const failed = outcomes.filter((outcome) => outcome.status === 'rejected') as PromiseRejectedResult[];
    expect(failed).toHaveLength(1);
    expect(postgresErrorCode(failed[0].reason)).toBe('40P01');
  });

  it('does not run again what failed for another reason', async () => {
    const attempts: number[] = [];
    await expect(
      withRetriedTransaction(dataSource, async (manager) => {
        attempts.push(1);
        await manager.query(`insert into account (id) values ('a')`);
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(attempts).toHaveLength(1);
  });
});
