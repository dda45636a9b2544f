import { InvalidInput, RuleViolation, type ReferralStatus } from '@rj/shared/contracts';
import {
  assertCanExtendDeadline,
  assertCanWithdraw,
  assertReportAvailable,
  screeningAwaitingReview,
} from './referral-guards';

describe('referral guards', () => {
  it.each<ReferralStatus>(['submitted', 'needs_review', 'matching', 'offered', 'assigned', 'in_progress'])(
    'lets a prosecutor withdraw a %s referral',
    (status) => {
      expect(() => assertCanWithdraw(status)).not.toThrow();
    },
  );

  it.each<ReferralStatus>(['completed', 'returned', 'withdrawn', 'unmatched', 'ineligible'])(
    'refuses to withdraw a %s referral (409)',
    (status) => {
      expect(() => assertCanWithdraw(status)).toThrow(RuleViolation);
    },
  );

  it('extends a deadline to later dates only', () => {
    expect(() => assertCanExtendDeadline('2025-09-30', '2025-10-01')).not.toThrow();
    expect(() => assertCanExtendDeadline('2025-09-30', '2025-09-30')).toThrow(RuleViolation);
    expect(() => assertCanExtendDeadline('2025-09-30', '2025-01-01')).toThrow(RuleViolation);
    expect(() => assertCanExtendDeadline('2025-09-30', '2025-02-30')).toThrow(InvalidInput);
    expect(() => assertCanExtendDeadline('2025-09-30', '2025-12-31', 'completed')).toThrow(RuleViolation);
  });

  it('has a report only once completed or returned', () => {
    expect(() => assertReportAvailable('completed')).not.toThrow();
    expect(() => assertReportAvailable('returned')).not.toThrow();
    for (const status of ['in_progress', 'withdrawn', 'unmatched'] as ReferralStatus[]) {
      expect(() => assertReportAvailable(status)).toThrow(RuleViolation);
    }
  });

  it('reviews a needs_review screening or an ineligible one (to override), nothing else', () => {
    expect(screeningAwaitingReview('needs_review')).toBe('needs_review');
    expect(screeningAwaitingReview('ineligible')).toBe('ineligible');
    for (const status of ['submitted', 'matching', 'assigned', 'withdrawn', 'completed'] as ReferralStatus[]) {
      expect(() => screeningAwaitingReview(status)).toThrow(
        expect.objectContaining({ rule: 'review_only_of_pending_or_override' }),
      );
    }
  });
});
