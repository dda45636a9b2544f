import { getJson, lines, query, stream, UsageError, type ApiOptions } from './api-client';
import type { Flags } from './command-line';
import { progress } from './progress';

/** One entry of the service's JSON answers (the event exactly as stored; ciphertext stays ciphertext). */
export interface LedgerItem {
  sequence: number;
  eventType: string;
  occurredAt: string;
  recordedAt: string;
  aggregateId: string;
  referralId: string | null;
  event: { actor?: { sub: string; role: string; org: string | null }; correlationId?: string };
}

interface Page {
  items: LedgerItem[];
  nextCursor: number | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The CLI's filter flags as the service's query parameters (it validates them and says why). */
export function ledgerFilters(flags: Flags): Record<string, string | undefined> {
  const text = (name: string) => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
  return {
    type: text('type'),
    from: text('from'),
    to: text('to'),
    referralId: text('referral'),
    aggregateId: text('aggregate'),
    organisationId: text('organisation'),
  };
}

/** A line a person reads in a terminal: when, what, who, and the ledger position to cite. */
export function readableLine(item: LedgerItem): string {
  const actor = item.event.actor
    ? `${item.event.actor.role} ${item.event.actor.sub}${item.event.actor.org ? ` (${item.event.actor.org})` : ''}`
    : 'unknown actor';
  return `${item.occurredAt}  ${item.eventType.padEnd(32)}  ${actor}  #${item.sequence}`;
}

/** Every page of a paged endpoint, following `nextCursor` until the service says there is no more. */
export async function* pages(
  api: ApiOptions,
  path: string,
  params: Record<string, string | undefined>,
): AsyncGenerator<LedgerItem> {
  let cursor: string | undefined;
  do {
    const page = await getJson<Page>(api, `${path}${query({ ...params, cursor })}`);
    yield* page.items;
    cursor = page.nextCursor === null ? undefined : String(page.nextCursor);
  } while (cursor);
}

/** `timeline <referralId> [--json]`: the referral's events in the order they occurred. */
export async function timelineCommand(api: ApiOptions, flags: Flags, referralId: string): Promise<number> {
  if (!UUID.test(referralId)) throw new UsageError('timeline: the referral id is a UUID');
  let count = 0;
  for await (const item of pages(api, `/api/audit/referrals/${referralId}/timeline`, { limit: '500' })) {
    await write(flags.json ? JSON.stringify(item) : readableLine(item));
    count++;
  }
  process.stderr.write(`timeline: ${count.toLocaleString('en')} events\n`);
  return 0;
}

/** `events [filters] [--max n] [--json]`: matching events, oldest first, page after page. */
export async function eventsCommand(api: ApiOptions, flags: Flags): Promise<number> {
  const max = flags.max === undefined ? Infinity : Number(flags.max);
  if (!Number.isInteger(max) && max !== Infinity) throw new UsageError('--max is a whole number');
  if (max < 1) throw new UsageError('--max is at least 1');
  let count = 0;
  for await (const item of pages(api, '/api/audit/events', {
    ...ledgerFilters(flags),
    limit: String(Math.min(max, 1000)),
  })) {
    await write(flags.json ? JSON.stringify(item) : readableLine(item));
    if (++count >= max) break;
  }
  process.stderr.write(
    `events: ${count.toLocaleString('en')} shown${count >= max ? ` (--max ${max}; there may be more)` : ''}\n`,
  );
  return 0;
}

/**
 * `export --format csv|ndjson [filters] > file`: the service's export, streamed line by line to
 * stdout (constant memory, waiting for a slow disk). The export runs in ledger order, so how far
 * it is shows as the current sequence against the ledger's last signed checkpoint — an
 * estimate, capped below 100% until the stream ends.
 */
export async function exportCommand(api: ApiOptions, flags: Flags): Promise<number> {
  const format = flags.format;
  if (format !== 'csv' && format !== 'ndjson')
    throw new UsageError('usage: auditor export --format csv|ndjson [filters] > file');
  const report = progress('export', { total: process.stderr.isTTY ? await ledgerLength(api) : undefined });
  let count = 0;
  let header = format === 'csv';
  for await (const line of lines(await stream(api, `/api/audit/export${query({ ...ledgerFilters(flags), format })}`))) {
    await write(line);
    if (header) {
      header = false;
      continue;
    }
    report.tick(++count, sequenceOf(line));
  }
  report.done(count);
  return 0;
}

/** The sequence a CSV record starts with, or an NDJSON line's `sequence` member. */
export function sequenceOf(line: string): number | undefined {
  const match = /^(\d+),/.exec(line) ?? /"sequence":\s*"?(\d+)/.exec(line);
  return match ? Number(match[1]) : undefined;
}

/** The last signed checkpoint's sequence: how long the ledger (about) is; unknown before the first. */
export async function ledgerLength(api: ApiOptions): Promise<number | undefined> {
  try {
    return (await getJson<{ sequence: number }>(api, '/api/audit/checkpoints/latest')).sequence;
  } catch {
    return undefined;
  }
}

/** One line to stdout, waiting when the reader is slower than the service. */
async function write(line: string): Promise<void> {
  if (!process.stdout.write(`${line}\n`)) await new Promise((resolve) => process.stdout.once('drain', resolve));
}
