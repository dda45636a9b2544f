import type { DataSource, EntityManager } from 'typeorm';
import { LEDGER_COLUMNS_MATCH } from './ledger-rows';

/** The CHECK constraint that ties ledger_entry's indexed columns to its hashed event. */
export const LEDGER_COLUMNS_CHECK = 'ck_ledger_entry_columns_match';

export const LEDGER_COLUMNS_CHECK_EXPRESSION = `event_type = (canonical::jsonb ->> 'type')
  and referral_id is not distinct from (canonical::jsonb ->> 'referralId')::uuid
  and occurred_at = (canonical::jsonb ->> 'occurredAt')::timestamptz`;

/** How Postgres 15 prints the constraint (pg_get_constraintdef): anything else is not ours. */
const EXPECTED_DEFINITION =
  "CHECK (((event_type = ((canonical)::jsonb ->> 'type'::text)) AND (NOT (referral_id IS DISTINCT FROM (((canonical)::jsonb ->> 'referralId'::text))::uuid)) AND (occurred_at = (((canonical)::jsonb ->> 'occurredAt'::text))::timestamp with time zone)))";

/**
 * Whether Postgres vouches that every row's columns agree with its event: our constraint is
 * there, unchanged, and VALIDATED. Postgres marks a CHECK validated only after checking every
 * row, and holds every later insert and update to it; an owner who drops it to rewrite columns
 * cannot add it back validated without putting the rows right (NOT VALID shows). Then
 * verification skips its own per-row comparison — parsing each event in the database was most
 * of its cost — and otherwise does it, finding the first row that disagrees.
 */
export async function columnsCheckedByDatabase(manager: EntityManager | DataSource): Promise<boolean> {
  const rows: { validated: boolean; definition: string }[] = await manager.query(
    `select convalidated as validated, pg_get_constraintdef(oid) as definition from pg_constraint
      where conrelid = 'public.ledger_entry'::regclass and conname = $1 and contype = 'c'`,
    [LEDGER_COLUMNS_CHECK],
  );
  return rows.length === 1 && rows[0].validated && rows[0].definition === EXPECTED_DEFINITION;
}

/** The columns a verification reads: the chain, and the per-row column comparison unless Postgres vouches for it. */
export function chainColumns(checkedByDatabase: boolean): string {
  const chain = `sequence::float8 as sequence, canonical, prev_hash as "prevHash", hash`;
  return checkedByDatabase ? chain : `${chain}, ${LEDGER_COLUMNS_MATCH}`;
}
