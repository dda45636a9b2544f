import { csvField } from '@rj/shared/contracts';

/** A ledger row as the replay and export formats need it. */
export interface LedgerRow {
  sequence: string;
  eventId: string;
  topic: string;
  partition: number | null;
  offset: string | null;
  eventType: string;
  aggregateId: string;
  referralId: string | null;
  occurredAt: string;
  recordedAt: string;
  canonical: string;
  prevHash: string;
  hash: string;
}

/**
 * One NDJSON line of the replay: the ledger metadata, then the event as its canonical JSON,
 * embedded verbatim. Re-canonicalising the parsed `event` gives back exactly those bytes, so
 * anyone can re-hash a replay (`hash = sha256(prevHash || canonicalJson(event))`) without
 * trusting this service. Built by concatenation: the canonical text is not parsed again.
 */
export function ndjsonLine(row: LedgerRow): string {
  return (
    `{"sequence":${row.sequence},"eventId":"${row.eventId}","topic":${JSON.stringify(row.topic)},` +
    `"partition":${row.partition ?? 'null'},"offset":${row.offset === null ? 'null' : `"${row.offset}"`},` +
    `"recordedAt":"${row.recordedAt}","prevHash":"${row.prevHash}","hash":"${row.hash}","event":${row.canonical}}\n`
  );
}

/**
 * Cells are written by the platform's one csvField (RFC 4180 quoting, formula neutralising).
 * The `event` column always starts with `{`, so it stays the exact canonical JSON that was hashed.
 */
export { csvField };

export const CSV_COLUMNS = [
  'sequence',
  'event_id',
  'topic',
  'partition',
  'offset',
  'event_type',
  'aggregate_id',
  'referral_id',
  'occurred_at',
  'recorded_at',
  'prev_hash',
  'hash',
  'event',
] as const;

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\r\n`;
}

export function csvRow(row: LedgerRow): string {
  const values = [
    row.sequence,
    row.eventId,
    row.topic,
    row.partition,
    row.offset,
    row.eventType,
    row.aggregateId,
    row.referralId,
    row.occurredAt,
    row.recordedAt,
    row.prevHash,
    row.hash,
    row.canonical,
  ];
  return `${values.map(csvField).join(',')}\r\n`;
}
