import { createScratchDatabase, type ScratchDatabase } from '@rj/shared/testing';
import { AUDIT_DATABASE } from './audit-database';
import { streamLedger } from './ledger-cursor';
import { visitLedgerRows } from './ledger-row-visit';
import { loadSyntheticLedger } from './test/synthetic-ledger';

const COUNT = 250;
const columns = 'sequence::float8 as sequence, hash';

describe('visitLedgerRows', () => {
  let database: ScratchDatabase;

  beforeAll(async () => {
    database = await createScratchDatabase('audit_row_visit', {
      migrations: AUDIT_DATABASE.migrations,
      entities: AUDIT_DATABASE.entities,
    });
    await loadSyntheticLedger(database.dataSource, COUNT);
  }, 120_000);

  afterAll(() => database?.drop());

  /** Connections the pool holds that nobody uses: a visit that ended gave its own back. */
  const idleConnections = () =>
    (database.dataSource.driver as unknown as { master: { idleCount: number; totalCount: number } }).master;

  it('gives every row to the visitor in ledger order, the same rows streamLedger reads, and reports each batch', async () => {
    const visited: { sequence: number; hash: string }[] = [];
    const batchesSeen: number[] = [];
    await visitLedgerRows<{ sequence: number; hash: string }>(
      database.dataSource,
      { afterSequence: 10 },
      { columns, batchSize: 100 },
      {
        visit: (row) => visited.push(row) > 0,
        afterBatch: async () => void batchesSeen.push(visited.length),
      },
    );
    const streamed: { sequence: number; hash: string }[] = [];
    for await (const rows of streamLedger<{ sequence: number; hash: string }>(
      database.dataSource,
      { afterSequence: 10 },
      { columns, batchSize: 100 },
    ))
      streamed.push(...rows);
    expect(visited.map((row) => row.sequence)).toEqual(Array.from({ length: COUNT - 10 }, (_, i) => i + 11));
    expect(visited).toEqual(streamed);
    // 240 rows in batches of 100: after 100, 200 and the last 40, as streamLedger's batches.
    expect(batchesSeen.length).toBe(3);
    expect(batchesSeen[2]).toBe(COUNT - 10);
  });

  it('stops at the first row the visitor refuses: no later row, no report of that batch, connection released', async () => {
    const visited: number[] = [];
    const batchesSeen: number[] = [];
    await visitLedgerRows<{ sequence: number }>(
      database.dataSource,
      {},
      { columns, batchSize: 100 },
      {
        visit: (row) => {
          visited.push(row.sequence);
          return row.sequence < 150;
        },
        afterBatch: async () => void batchesSeen.push(visited.length),
      },
    );
    expect(visited).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(batchesSeen).toEqual([100]);
    const pool = idleConnections();
    expect(pool.idleCount).toBe(pool.totalCount);
  });

  it("rejects with the visitor's own error, visits nothing after it and releases the connection", async () => {
    const visited: number[] = [];
    const visit = visitLedgerRows<{ sequence: number }>(
      database.dataSource,
      {},
      { columns, batchSize: 100 },
      {
        visit: (row) => {
          if (row.sequence === 42) throw new Error('visitor failed at 42');
          visited.push(row.sequence);
          return true;
        },
      },
    );
    await expect(visit).rejects.toThrow('visitor failed at 42');
    expect(visited).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    const pool = idleConnections();
    expect(pool.idleCount).toBe(pool.totalCount);
    // The connection is usable again: the failed visit's transaction was rolled back.
    await expect(database.dataSource.query('select count(*)::int as n from ledger_entry')).resolves.toEqual([
      { n: COUNT },
    ]);
  });

  it('rejects when the database refuses the statement, and releases the connection', async () => {
    await expect(
      visitLedgerRows(database.dataSource, {}, { columns: 'no_such_column', batchSize: 100 }, { visit: () => true }),
    ).rejects.toThrow(/no_such_column/);
    const pool = idleConnections();
    expect(pool.idleCount).toBe(pool.totalCount);
  });
});
