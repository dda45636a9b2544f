import type { LedgerRow } from '@rj/audit/domain';

/**
 * The select list that yields a LedgerRow, with times formatted by Postgres (UTC, ms): the
 * replay path then never builds a Date per row.
 */
export const LEDGER_ROW_COLUMNS = `sequence::text as "sequence", event_id as "eventId", topic, kafka_partition as "partition",
  kafka_offset::text as "offset", event_type as "eventType", aggregate_id as "aggregateId", referral_id as "referralId",
  to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "occurredAt",
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
  if (filter.type !== undefined) add('event_type = ?', filter.type);
  if (filter.referralId !== undefined) add('referral_id = ?', filter.referralId);
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
