import type { LedgerRow } from '@rj/audit/domain';

/**
 * The select list that yields a LedgerRow, with times formatted by Postgres (UTC, ms): the
 * replay path then never builds a Date per row. The event's type, referral and time are read
 * from the hashed canonical event, not from the columns beside it: a column rewritten in the
 * database cannot change what a reader is shown (the columns only find and order rows, and
 * verification breaks at a row whose columns disagree with its canonical event).
 */
export const LEDGER_ROW_COLUMNS = `sequence::text as "sequence", event_id as "eventId", topic, kafka_partition as "partition",
  kafka_offset::text as "offset", canonical::jsonb ->> 'type' as "eventType", aggregate_id as "aggregateId",
  canonical::jsonb ->> 'referralId' as "referralId",
  to_char((canonical::jsonb ->> 'occurredAt')::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
  to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt",
  canonical, prev_hash as "prevHash", hash`;

export interface LedgerFilter {
  aggregateId?: string;
  type?: string;
  /** Event time (occurredAt), inclusive. */
  from?: string;
  /** Event time (occurredAt), exclusive. */
  to?: string;
  referralId?: string;
  /** The organisation of the event's actor (an office or a partner). */
  organisationId?: string;
  /** Sequences after this one (a cursor). */
  afterSequence?: number;
  /** Ledger time (recordedAt) range: a contiguous stretch of the chain. */
  recordedFrom?: string;
  recordedTo?: string;
}

/** A parameterised where clause for a filter; values never enter the SQL text. */
export function whereOf(filter: LedgerFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (filter.aggregateId !== undefined) add('aggregate_id = ?', filter.aggregateId);
  // The column finds rows through its index; the canonical event must agree, so a row whose
  // column was rewritten to another referral or type is never served under it.
  if (filter.type !== undefined) add(`event_type = ? and canonical::jsonb ->> 'type' = event_type`, filter.type);
  if (filter.referralId !== undefined)
    add(`referral_id = ? and canonical::jsonb ->> 'referralId' = referral_id::text`, filter.referralId);
  if (filter.organisationId !== undefined) add(`canonical::jsonb #>> '{actor,org}' = ?`, filter.organisationId);
  if (filter.from !== undefined) add('occurred_at >= ?', filter.from);
  if (filter.to !== undefined) add('occurred_at < ?', filter.to);
  if (filter.recordedFrom !== undefined) add('recorded_at >= ?', filter.recordedFrom);
  if (filter.recordedTo !== undefined) add('recorded_at < ?', filter.recordedTo);
  if (filter.afterSequence !== undefined) add('sequence > ?', filter.afterSequence);
  return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
}

export type { LedgerRow };

/**
 * The replay's NDJSON line (ledger-export.ts `ndjsonLine`, byte for byte) built by Postgres: the
 * service then receives one text column per row and only joins them — the replay's hot path
 * does no per-field work in JavaScript. The integration test holds the two forms equal.
 */
export const LEDGER_NDJSON_LINE_COLUMN = `'{"sequence":' || sequence || ',"eventId":"' || event_id || '","topic":' || to_json(topic)::text
  || ',"partition":' || coalesce(kafka_partition::text, 'null') || ',"offset":' || coalesce('"' || kafka_offset || '"', 'null')
  || ',"recordedAt":"' || to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","prevHash":"' || prev_hash || '","hash":"' || hash || '","event":' || canonical || '}' as line`;

/**
 * True when the indexed columns say what the hashed canonical event says. Verification breaks
 * at a row where they differ: the hash covers the canonical event only, and these columns
 * decide which rows a timeline, a state or a filter reads, and in which order.
 */
export const LEDGER_COLUMNS_MATCH = `(event_type = canonical::jsonb ->> 'type'
  and referral_id is not distinct from (canonical::jsonb ->> 'referralId')::uuid
  and occurred_at = (canonical::jsonb ->> 'occurredAt')::timestamptz) as "columnsMatch"`;
