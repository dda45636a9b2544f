import { UUID_PATTERN } from '@rj/shared/contracts';

export const REFERRAL_SORTS = ['newest', 'deadline'] as const;
export type ReferralSort = (typeof REFERRAL_SORTS)[number];

/** Where the previous page ended, in the list's order: the last id, and its report-back date when sorted by deadline. */
export interface ReferralCursor {
  id: string;
  reportBackBy?: string;
}

const DEADLINE_CURSOR = /^(\d{4}-\d{2}-\d{2})_([0-9a-f-]{36})$/i;

/**
 * The keyset cursor of a referral list: the last id (newest first: ids are time-ordered
 * UUIDv7), or `<reportBackBy>_<id>` (deadline soonest): letters, digits, `-` and `_` only, safe
 * in a URL as it is. Opaque to callers, who hand back the `nextCursor` they got; a cursor of the other sort is refused, so a page never silently skips.
 */
export function encodeCursor(sort: ReferralSort, last: { id: string; reportBackBy: string }): string {
  return sort === 'deadline' ? `${last.reportBackBy}_${last.id}` : last.id;
}

export function decodeCursor(sort: ReferralSort, cursor: string): ReferralCursor | null {
  if (sort === 'newest') return UUID_PATTERN.test(cursor) ? { id: cursor } : null;
  const match = DEADLINE_CURSOR.exec(cursor);
  return match && UUID_PATTERN.test(match[2]) ? { reportBackBy: match[1], id: match[2] } : null;
}

/** The validation message of a cursor that does not fit the sort, for the query DTO. */
export function cursorProblem(cursor: string | undefined, sort: ReferralSort | undefined): string | undefined {
  if (cursor === undefined || !(REFERRAL_SORTS as readonly string[]).includes(sort ?? 'newest')) return undefined;
  return decodeCursor(sort ?? 'newest', cursor)
    ? undefined
    : `is not a cursor of a list sorted by ${sort ?? 'newest'}: pass the nextCursor of the previous page`;
}
