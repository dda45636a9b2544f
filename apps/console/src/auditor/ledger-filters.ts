export interface LedgerFilters {
  type?: string;
  referralId?: string;
  organisationId?: string;
  /** Dates (YYYY-MM-DD), both inclusive, of when events occurred. */
  from?: string;
  to?: string;
  cursor?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_TYPE = /^[a-z_]{1,40}\.[a-z_]{1,40}$/;
const FIELDS = ['type', 'referralId', 'organisationId', 'from', 'to'] as const;

/**
 * The search's filters from the page's query string. A malformed value is reported (so the
 * auditor learns the filter was not applied) and left out of the search.
 */
export function readLedgerFilters(query: Record<string, unknown>): {
  filters: LedgerFilters;
  errors: { href: string; text: string }[];
} {
  const filters: LedgerFilters = {};
  const errors: { href: string; text: string }[] = [];
  const take = (name: keyof LedgerFilters, pattern: RegExp, problem: string) => {
    const raw = query[name];
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const value = raw.trim();
    if (pattern.test(value) && (pattern !== ISO_DATE || !Number.isNaN(Date.parse(`${value}T00:00:00Z`))))
      filters[name] = name === 'referralId' || name === 'organisationId' ? value.toLowerCase() : value;
    else errors.push({ href: `#${name}`, text: problem });
  };
  take('type', EVENT_TYPE, 'Event type must be a type from the list');
  take('referralId', UUID, 'Referral must be a referral’s id, like 0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11');
  take('organisationId', UUID, 'Organisation must be an office’s or a programme’s id');
  take('from', ISO_DATE, 'From must be a date like 2026-12-01');
  take('to', ISO_DATE, 'To must be a date like 2026-12-31');
  const cursor = query['cursor'];
  if (typeof cursor === 'string' && /^\d{1,15}$/.test(cursor)) filters.cursor = cursor;
  return { filters, errors };
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

/** The ledger API's query: dates become instants (the `to` date is included, to the end of its day). */
export function ledgerApiQuery(filters: LedgerFilters): Record<string, string | undefined> {
  return {
    type: filters.type,
    referralId: filters.referralId,
    organisationId: filters.organisationId,
    from: filters.from ? `${filters.from}T00:00:00Z` : undefined,
    to: filters.to ? nextDay(filters.to) : undefined,
    cursor: filters.cursor,
  };
}

/** A console URL carrying the same filters (the search's next page, or the export). */
export function ledgerUrl(
  path: string,
  filters: LedgerFilters,
  extra: Record<string, string | undefined> = {},
): string {
  const params = new URLSearchParams();
  for (const name of FIELDS) if (filters[name]) params.set(name, filters[name] as string);
  for (const [name, value] of Object.entries(extra)) if (value) params.set(name, value);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
