import type { ReferralStatus } from '../events/vocabulary';

/**
 * Where a referral stands (api.md, Referral status). The main line runs forward only; each
 * status has a rank on it, and events can only move a referral to a higher rank, never back
 * and never sideways (two statuses of one rank are alternatives, not steps).
 *
 *   submitted(0) → needs_review(1) → matching(2) → offered(3) → assigned(4) → in_progress(5)
 *                → completed | returned (6)
 *   side exits:  ineligible (from screening or review), unmatched (from matching/offered),
 *                withdrawn (from any status the prosecutor may still withdraw)
 *
 * Every service that keeps a copy of a referral's status moves it with nextReferralStatus, so
 * this table is the only one.
 */
const RANK: Readonly<Record<ReferralStatus, number>> = {
  submitted: 0,
  needs_review: 1,
  ineligible: 1,
  matching: 2,
  offered: 3,
  unmatched: 4,
  assigned: 4,
  in_progress: 5,
  completed: 6,
  returned: 6,
  withdrawn: 7,
};

export function rankOf(status: ReferralStatus): number {
  return RANK[status];
}

/**
 * Statuses no ordinary event leaves. `ineligible` is left only by a review override (an admin
 * making it eligible) and by a withdrawal; the others never change again, save a withdrawal
 * (see nextReferralStatus).
 */
export const TERMINAL_STATUSES: readonly ReferralStatus[] = [
  'ineligible',
  'completed',
  'returned',
  'unmatched',
  'withdrawn',
];

/** Statuses in which the referral is still on its way (a deadline can be at risk; it can be withdrawn). */
export const OPEN_STATUSES: readonly ReferralStatus[] = [
  'submitted',
  'needs_review',
  'matching',
  'offered',
  'assigned',
  'in_progress',
];

/** A prosecutor's report exists only for a referral that came back (api.md, report). */
export const REPORTABLE_STATUSES: readonly ReferralStatus[] = ['completed', 'returned'];

export function isTerminal(status: ReferralStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export function isOpen(status: ReferralStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
