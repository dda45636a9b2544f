import { InvalidInput, RuleViolation } from '@rj/shared/contracts';
import { isIsoDate } from '../dates';
import type { ReferralStatus, ScreeningOutcome } from '../vocabulary';
import { isOpen, REPORTABLE_STATUSES } from './referral-status';

/**
 * product.md: "A prosecutor's withdrawal of the referral ends the case" — while there is a
 * case to end. A referral that already came back (completed, returned, unmatched, ineligible)
 * or was withdrawn cannot be withdrawn: 409 with the rule.
 */
export function assertCanWithdraw(status: ReferralStatus): void {
  if (!isOpen(status)) {
    throw new RuleViolation('withdraw_only_open_referral', `a ${status} referral cannot be withdrawn`);
  }
}

/**
 * product.md, Timeliness: "the report-back deadline ... can be extended by the prosecutor";
 * api.md: later dates only. An earlier or equal date would press the parties, so it is refused.
 * Dates are `YYYY-MM-DD`, which compare correctly as strings.
 */
export function assertCanExtendDeadline(current: string, next: string, status?: ReferralStatus): void {
  if (!isIsoDate(next)) {
    throw new InvalidInput('reportBackBy must be a date YYYY-MM-DD', [
      { field: 'reportBackBy', message: 'must be a date YYYY-MM-DD' },
    ]);
  }
  if (status !== undefined && !isOpen(status)) {
    throw new RuleViolation(
      'extend_deadline_only_open_referral',
      `the deadline of a ${status} referral cannot be extended`,
    );
  }
  if (next <= current) {
    throw new RuleViolation('deadline_extended_later_only', `reportBackBy can only move later than ${current}`);
  }
}

/** api.md: the prosecutor's report exists "once completed or returned". */
export function assertReportAvailable(status: ReferralStatus): asserts status is 'completed' | 'returned' {
  if (!REPORTABLE_STATUSES.includes(status)) {
    throw new RuleViolation('report_only_when_completed_or_returned', `no report yet: the referral is ${status}`);
  }
}

/**
 * The screening outcome a review would decide on, read from where the referral stands:
 * a needs_review screening awaits a person's decision, an ineligible one may be overridden
 * by an admin. Any other status (matching began, withdrawn, ...) has nothing to review: 409.
 */
export function screeningAwaitingReview(
  status: ReferralStatus,
): Extract<ScreeningOutcome, 'needs_review' | 'ineligible'> {
  if (status === 'needs_review' || status === 'ineligible') return status;
  throw new RuleViolation(
    'review_only_of_pending_or_override',
    `a ${status} referral has no screening awaiting review`,
  );
}
