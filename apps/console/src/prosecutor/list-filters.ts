import { REFERRAL_STATUSES } from '@rj/shared/contracts';

export interface ListFilters {
  status: string[];
  jurisdiction?: string;
  submittedFrom?: string;
  submittedTo?: string;
  sort: 'newest' | 'deadline';
  cursor?: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9_.*-]{1,50}$/;

/**
 * The list's filters from the page's query string, keeping only well-formed values: a bad
 * value in a hand-edited URL is dropped rather than turned into an error page.
 */
export function readListFilters(query: Record<string, unknown>): ListFilters {
  const statuses = (Array.isArray(query['status']) ? query['status'] : [query['status']])
    .flatMap((value) => (typeof value === 'string' ? value.split(',') : []))
    .filter((status): status is string => (REFERRAL_STATUSES as readonly string[]).includes(status));
  const text = (name: string, pattern: RegExp) => {
    const value = query[name];
    return typeof value === 'string' && pattern.test(value.trim()) ? value.trim() : undefined;
  };
  return {
    status: [...new Set(statuses)],
    jurisdiction: text('jurisdiction', CODE),
    submittedFrom: text('submittedFrom', ISO_DATE),
    submittedTo: text('submittedTo', ISO_DATE),
    sort: query['sort'] === 'deadline' ? 'deadline' : 'newest',
    cursor: text('cursor', /^[A-Za-z0-9_=-]{1,200}$/),
  };
}

/** The API query for the filters. */
export function apiQuery(filters: ListFilters, limit: number): Record<string, string | number | undefined> {
  return {
    status: filters.status.length ? filters.status.join(',') : undefined,
    jurisdiction: filters.jurisdiction,
    submittedFrom: filters.submittedFrom,
    submittedTo: filters.submittedTo,
    sort: filters.sort,
    cursor: filters.cursor,
    limit,
  };
}

/** The page's own URL for the same filters with another cursor (next page) or none (first). */
export function listUrl(filters: ListFilters, cursor?: string): string {
  const params = new URLSearchParams();
  for (const status of filters.status) params.append('status', status);
  if (filters.jurisdiction) params.set('jurisdiction', filters.jurisdiction);
  if (filters.submittedFrom) params.set('submittedFrom', filters.submittedFrom);
  if (filters.submittedTo) params.set('submittedTo', filters.submittedTo);
  if (filters.sort !== 'newest') params.set('sort', filters.sort);
  if (cursor) params.set('cursor', cursor);
  const query = params.toString();
  return query ? `/referrals?${query}` : '/referrals';
}
