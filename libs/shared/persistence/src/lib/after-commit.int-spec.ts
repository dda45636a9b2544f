import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { afterCommit } from './after-commit';
import { dropDatabase, ensureDatabaseExists } from './database-admin';
import { createDataSource } from './data-source.factory';
import { withTransaction } from './transaction';

describe('afterCommit: work that runs once the transaction committed, never after a rollback', () => {
  // As the test kit's scratch databases do (the kit depends on this library, not the reverse).
  const url = new URL(process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/rj_test_after_commit_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await ensureDatabaseExists(url.toString());
    dataSource = await createDataSource({ url: url.toString() }).initialize();
    await dataSource.query('create table job_row (id text primary key)');
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await dropDatabase(url.toString());
  });

  /** Whether another connection sees the row: it does only once the writer committed. */
  async function committed(id: string): Promise<boolean> {
    return (await dataSource.query('select 1 from job_row where id = $1', [id])).length === 1;
  }

  it('runs the action after the commit, with the row visible to everyone, before withTransaction returns', async () => {
    const seen: boolean[] = [];
    await withTransaction(dataSource, async (manager) => {
      await manager.query("insert into job_row (id) values ('committed')");
      afterCommit(manager, async () => seen.push(await committed('committed')));
      expect(await committed('committed')).toBe(false);
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([true]);
  });

  it('never runs the action of a transaction that rolled back', async () => {
    let ran = false;
    await expect(
      withTransaction(dataSource, async (manager) => {
        await manager.query("insert into job_row (id) values ('rolled-back')");
        afterCommit(manager, async () => {
          ran = true;
        });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    // A later transaction's commit does not pick up the abandoned action either.
    await withTransaction(dataSource, (manager) => manager.query("insert into job_row (id) values ('later')"));
    expect(ran).toBe(false);
    expect(await committed('rolled-back')).toBe(false);
  });

  it('runs the actions in the order they were registered, and a failing one fails neither the commit nor the next', async () => {
    const order: string[] = [];
    await withTransaction(dataSource, async (manager) => {
      await manager.query("insert into job_row (id) values ('ordered')");
      afterCommit(manager, async () => order.push('remove old reminder'));
      afterCommit(manager, async () => {
        throw new Error('redis is down');
      });
      afterCommit(manager, async () => order.push('add new reminder'));
    });
    expect(order).toEqual(['remove old reminder', 'add new reminder']);
    expect(await committed('ordered')).toBe(true);
  });

  it('runs at once when the manager is in no transaction', async () => {
    let ran = false;
    afterCommit(dataSource.manager, async () => {
      ran = true;
    });
    await Promise.resolve();
    expect(ran).toBe(true);
  });
});
