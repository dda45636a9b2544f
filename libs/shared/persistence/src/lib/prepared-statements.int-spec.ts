import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dropDatabase, ensureDatabaseExists } from './database-admin';
import { createDataSource } from './data-source.factory';
import { MAX_PREPARED_PER_CONNECTION, PREPARE_FROM_USE, statementName } from './prepared-statements';

/** A statement text no other test has run (the use counts are the process's). */
const fresh = (text: string) => `${text} /* ${randomBytes(4).toString('hex')} */`;

describe('prepared statements: frequent statements parsed and planned once per connection, on the real Postgres', () => {
  const url = new URL(process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/rj_test_prepared_${randomBytes(4).toString('hex')}`;
  /** One connection, so what one query prepared the next one sees. */
  let dataSource: DataSource;
  let unprepared: DataSource;

  /** What the (single) connection holds prepared, by name. */
  const preparedOn = async (source: DataSource): Promise<Map<string, string>> =>
    new Map(
      (await source.query('select name, statement from pg_prepared_statements')).map(
        (row: { name: string; statement: string }) => [row.name, row.statement],
      ),
    );
  const runTimes = async (source: DataSource, times: number, text: string, values: unknown[]) => {
    const results: unknown[] = [];
    for (let i = 0; i < times; i++) results.push(await source.query(text, values));
    return results;
  };

  beforeAll(async () => {
    await ensureDatabaseExists(url.toString());
    dataSource = await createDataSource({ url: url.toString(), poolSize: 1 }).initialize();
    unprepared = await createDataSource({ url: url.toString(), poolSize: 1, preparedStatements: false }).initialize();
    await dataSource.query(
      `create table offer (id text primary key, status text not null, languages text[] not null, made_at timestamptz not null)`,
    );
    await dataSource.query(`insert into offer values ('o1', 'pending', '{nl,en}', '2026-12-07T10:00:00Z')`);
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await unprepared?.destroy();
    await dropDatabase(url.toString());
  });

  it('prepares a statement at its third run, and answers it as before, typed values included', async () => {
    const text = fresh('select id, status, languages, made_at from offer where id = $1');
    const before = await runTimes(dataSource, PREPARE_FROM_USE - 1, text, ['o1']);
    expect((await preparedOn(dataSource)).has(statementName(text))).toBe(false);
    const after = await runTimes(dataSource, 2, text, ['o1']);
    expect((await preparedOn(dataSource)).get(statementName(text))).toBe(text);
    for (const rows of [...before, ...after])
      expect(rows).toEqual([
        { id: 'o1', status: 'pending', languages: ['nl', 'en'], made_at: new Date('2026-12-07T10:00:00Z') },
      ]);
  });

  it('never prepares a star projection, which therefore still runs after a migration adds a column', async () => {
    const star = fresh('select * from offer where id = $1');
    const named = fresh('select id, status from offer where id = $1');
    await runTimes(dataSource, PREPARE_FROM_USE + 1, star, ['o1']);
    await runTimes(dataSource, PREPARE_FROM_USE + 1, named, ['o1']);
    const prepared = await preparedOn(dataSource);
    expect(prepared.has(statementName(star))).toBe(false);
    expect(prepared.has(statementName(named))).toBe(true);

    await dataSource.query('alter table offer add column decline_reason text');
    try {
      expect(Object.keys((await dataSource.query(star, ['o1']))[0])).toContain('decline_reason');
      // The prepared statement that names its columns is planned afresh against the new table.
      expect(await dataSource.query(named, ['o1'])).toEqual([{ id: 'o1', status: 'pending' }]);
    } finally {
      await dataSource.query('alter table offer drop column decline_reason');
    }
  });

  it('keeps a statement prepared across a transaction that rolled back, and after one that failed', async () => {
    const text = fresh('select status from offer where id = $1');
    await expect(
      dataSource.transaction(async (manager) => {
        for (let i = 0; i < PREPARE_FROM_USE; i++) await manager.query(text, ['o1']);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await preparedOn(dataSource)).has(statementName(text))).toBe(true);
    expect(await dataSource.query(text, ['o1'])).toEqual([{ status: 'pending' }]);

    // A statement first sent inside an aborted transaction is refused, and prepared once it can be.
    const late = fresh('select id from offer where status = $1');
    await runTimes(dataSource, PREPARE_FROM_USE - 1, late, ['pending']);
    await expect(
      dataSource.transaction(async (manager) => {
        await manager.query('select 1/0').catch(() => undefined);
        await manager.query(late, ['pending']);
      }),
    ).rejects.toThrow(/current transaction is aborted/);
    expect(await dataSource.query(late, ['pending'])).toEqual([{ id: 'o1' }]);
    expect((await preparedOn(dataSource)).has(statementName(late))).toBe(true);
  });

  it('reports a statement Postgres cannot parse every time, and keeps nothing of it', async () => {
    const broken = fresh('select id frm offer where id = $1');
    for (let i = 0; i < PREPARE_FROM_USE + 1; i++)
      await expect(dataSource.query(broken, ['o1'])).rejects.toThrow(/syntax error/);
    expect((await preparedOn(dataSource)).has(statementName(broken))).toBe(false);
  });

  it(`holds at most ${MAX_PREPARED_PER_CONNECTION} prepared statements on a connection; the rest run unprepared`, async () => {
    const texts = Array.from({ length: MAX_PREPARED_PER_CONNECTION + 5 }, (_, i) =>
      fresh(`select id from offer where id = $1 and ${i} = ${i}`),
    );
    for (const text of texts) await runTimes(dataSource, PREPARE_FROM_USE, text, ['o1']);
    const ours = [...(await preparedOn(dataSource)).keys()].filter((name) => name.startsWith('rj_'));
    expect(ours.length).toBe(MAX_PREPARED_PER_CONNECTION);
    expect(await dataSource.query(texts[texts.length - 1], ['o1'])).toEqual([{ id: 'o1' }]);
  });

  it('prepares nothing when turned off (a pooler that drops prepared statements)', async () => {
    const text = fresh('select id from offer where id = $1');
    await runTimes(unprepared, PREPARE_FROM_USE + 2, text, ['o1']);
    expect((await preparedOn(unprepared)).size).toBe(0);
  });
});
