import type { DataSource, EntityManager } from 'typeorm';
import type { LedgerRow } from '@rj/audit/domain';
import { LEDGER_ROW_COLUMNS, whereOf, type LedgerFilter } from './ledger-rows';

/** One page of entries matching a filter, in ledger order, after a cursor sequence. */
export async function findLedgerPage(
  manager: EntityManager | DataSource,
  filter: LedgerFilter,
  limit: number,
): Promise<LedgerRow[]> {
  const { sql, params } = whereOf(filter);
  return manager.query(
    `select ${LEDGER_ROW_COLUMNS} from ledger_entry ${sql} order by ledger_entry.sequence limit ${Math.floor(limit)}`,
    params,
  );
}

/**
 * One page of a referral's timeline, as things happened: by event time, ties in ledger order
 * (byOccurrence). Keyset paging after the entry at `afterSequence`, so memory and time per page
 * stay bounded however long the referral's history (index ix_ledger_entry_referral_occurred).
 */
export async function findReferralTimelinePage(
  manager: EntityManager | DataSource,
  referralId: string,
  limit: number,
  afterSequence?: number,
): Promise<LedgerRow[]> {
  const after =
    afterSequence === undefined
      ? ''
      : 'and (occurred_at, sequence) > (select occurred_at, sequence from ledger_entry where sequence = $2)';
  return manager.query(
    `select ${LEDGER_ROW_COLUMNS} from ledger_entry where referral_id = $1 and canonical::jsonb ->> 'referralId' = referral_id::text ${after} order by occurred_at, ledger_entry.sequence limit ${Math.floor(limit)}`,
    afterSequence === undefined ? [referralId] : [referralId, afterSequence],
  );
}

export interface LedgerHead {
  sequence: number;
  hash: string;
}

export async function readLedgerHead(manager: EntityManager | DataSource): Promise<LedgerHead> {
  const [head]: { sequence: string; hash: string }[] = await manager.query(
    'select sequence, hash from ledger_head where id = 1',
  );
  return { sequence: Number(head.sequence), hash: head.hash };
}

/** The last sequence actually present (the head row can be rewritten too; rows are the truth). */
export async function latestLedgerSequence(manager: EntityManager | DataSource): Promise<number | null> {
  const [row]: { max: string | null }[] = await manager.query('select max(sequence)::text as max from ledger_entry');
  return row.max === null ? null : Number(row.max);
}

/** The entry at a sequence, as a chain point, or null if it is gone. */
export async function chainPointAt(manager: EntityManager | DataSource, sequence: number): Promise<LedgerHead | null> {
  const rows: { hash: string }[] = await manager.query('select hash from ledger_entry where sequence = $1', [sequence]);
  return rows.length ? { sequence, hash: rows[0].hash } : null;
}
