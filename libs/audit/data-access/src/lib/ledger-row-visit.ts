import { Query, type PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import type { LedgerFilter } from './ledger-rows';
import { LEDGER_CURSOR, openLedgerCursor, type CursorOptions } from './ledger-cursor';

export interface LedgerVisit<T> {
  /** Called with each row as the driver reads it, in cursor order; false stops the visit there. */
  visit: (row: T) => boolean;
  /** Called after each batch of rows unless the visit stopped in it (the next batch is already requested). */
  afterBatch?: () => Promise<void>;
}

/**
 * The same snapshot and order as streamLedger (one REPEATABLE READ, READ ONLY transaction, a
 * server-side cursor read FETCH by FETCH), but each row goes to `visit` the moment the driver
 * has parsed it instead of into a batch array handed out once the batch is complete.
 *
 * Why, for verification's hot loop: a batch of 2,000 events (1.4 MB of text) held while it is
 * hashed, with the next one arriving behind it, survived the young generation's collections
 * (8 MB semi-spaces, which audit-ledger keeps where the other services have 4) and was promoted
 * and collected again in the old one — about 1.5 s of garbage collection per 1M rows, more than
 * the hashing. And while the service hashed a
 * whole batch it did not read its socket, so Postgres stopped sending as soon as the socket's
 * buffer was full. Visited as they arrive, rows die young and the socket is read all along.
 */
export async function visitLedgerRows<T>(
  dataSource: DataSource,
  filter: LedgerFilter,
  options: CursorOptions,
  { visit, afterBatch }: LedgerVisit<T>,
): Promise<void> {
  const batchSize = options.batchSize ?? 1000;
  const cursor = await openLedgerCursor(dataSource, filter, options);
  let stopped = false;
  let pending: Promise<number> | undefined;
  try {
    // The Postgres driver's connection itself: only it hands rows out one by one.
    const client = (await cursor.runner.connect()) as PoolClient;
    const fetchNext = (): Promise<number> =>
      fetchVisiting(client, `fetch ${batchSize} from ${LEDGER_CURSOR}`, (row: T) => {
        if (stopped) return;
        stopped = !visit(row);
      });
    pending = fetchNext();
    for (;;) {
      const fetched = await pending;
      pending = undefined;
      if (stopped || fetched === 0) break;
      if (fetched === batchSize) pending = fetchNext();
      await afterBatch?.();
      if (!pending) break;
    }
  } finally {
    stopped = true;
    await pending?.catch(() => undefined);
    await cursor.close();
  }
}

/**
 * Runs one statement, giving each row to `onRow` as it is parsed (a 'row' listener makes the
 * driver keep none of them); resolves with the number of rows. An error thrown by `onRow` stops
 * nothing in the driver's read loop: it is kept and rejects the statement once it has ended.
 */
function fetchVisiting<T>(client: PoolClient, sql: string, onRow: (row: T) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const query = new Query(sql);
    let rows = 0;
    let failed = false;
    let failure: unknown;
    query.on('row', (row) => {
      rows++;
      if (failed) return;
      try {
        onRow(row as T);
      } catch (error) {
        failed = true;
        failure = error;
      }
    });
    query.on('error', reject);
    query.on('end', () => (failed ? reject(failure) : resolve(rows)));
    client.query(query);
  });
}
