import type { DataSource, QueryRunner } from 'typeorm';
import type { LedgerRow } from '@rj/audit/domain';
import { LEDGER_ROW_COLUMNS, whereOf, type LedgerFilter } from './ledger-rows';

export interface CursorOptions {
  /** Rows per FETCH: memory is bounded by two batches, whatever the ledger's size. */
  batchSize?: number;
  /** Only some columns (verify needs the chain columns only). */
  columns?: string;
  /** Ledger order (default), or as things happened: event time, ties in ledger order (a fold). */
  orderBy?: 'sequence' | 'occurrence';
}

/**
 * Streams ledger rows in sequence order through a server-side cursor (DECLARE … FETCH n) on a
 * dedicated connection, in one REPEATABLE READ, READ ONLY transaction: a consistent snapshot
 * of any size in constant memory (pg-cursor is not a dependency; a plain cursor does the same).
 * The next batch is requested before the current one is handed out, so Postgres and the
 * consumer work at the same time. Stopping early (client gone) rolls back and releases.
 */
export async function* streamLedger<T = LedgerRow>(
  dataSource: DataSource,
  filter: LedgerFilter,
  options: CursorOptions = {},
): AsyncGenerator<T[]> {
  const batchSize = options.batchSize ?? 1000;
  const cursor = await openLedgerCursor(dataSource, filter, options);
  let pending: Promise<T[]> | undefined;
  try {
    const fetchNext = (): Promise<T[]> => cursor.runner.query(`fetch ${batchSize} from ${LEDGER_CURSOR}`);
    pending = fetchNext();
    for (;;) {
      const rows = await pending;
      pending = undefined;
      if (!rows.length) break;
      if (rows.length === batchSize) pending = fetchNext();
      yield rows;
      if (!pending) break;
    }
  } finally {
    await pending?.catch(() => undefined);
    await cursor.close();
  }
}

export interface OpenLedgerCursor {
  /** The dedicated connection the cursor lives on: FETCH from LEDGER_CURSOR through it. */
  runner: QueryRunner;
  /** Ends the transaction (read only: rolling back is committing) and releases the connection. */
  close(): Promise<void>;
}

/**
 * A dedicated connection in one REPEATABLE READ, READ ONLY transaction with the ledger cursor
 * declared on it: the snapshot both readers (streamLedger, visitLedgerRows) read from.
 */
export async function openLedgerCursor(
  dataSource: DataSource,
  filter: LedgerFilter,
  options: Pick<CursorOptions, 'columns' | 'orderBy'> = {},
): Promise<OpenLedgerCursor> {
  const declare = declareLedgerCursor(filter, options);
  const runner = dataSource.createQueryRunner('slave');
  await runner.connect();
  const close = async (): Promise<void> => {
    // Also ends an abandoned read, whatever it had fetched.
    await runner.query('rollback').catch(() => undefined);
    await runner.release();
  };
  try {
    await runner.query('begin isolation level repeatable read read only');
    await runner.query(declare.sql, declare.params);
  } catch (error) {
    await close();
    throw error;
  }
  return { runner, close };
}

export const LEDGER_CURSOR = 'ledger_cursor';

/** The DECLARE of a ledger cursor: the filter's parameterised where clause, in the order asked for. */
export function declareLedgerCursor(
  filter: LedgerFilter,
  options: Pick<CursorOptions, 'columns' | 'orderBy'> = {},
): { sql: string; params: unknown[] } {
  const { sql, params } = whereOf(filter);
  // Order by the column, not the text alias of the same name (which would sort 10 before 2).
  const order = `${options.orderBy === 'occurrence' ? 'ledger_entry.occurred_at, ' : ''}ledger_entry.sequence`;
  return {
    sql: `declare ${LEDGER_CURSOR} no scroll cursor for select ${options.columns ?? LEDGER_ROW_COLUMNS} from ledger_entry ${sql} order by ${order}`,
    params,
  };
}
