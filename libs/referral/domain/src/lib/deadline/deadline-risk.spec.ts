import type { ReferralStatus } from '@rj/shared/contracts';
import { daysLeft, isDeadlineAtRisk } from './deadline-risk';

describe('isDeadlineAtRisk', () => {
  const now = new Date('2025-09-16T10:00:00Z');

  it('flags an open referral within the warning window, on the day and after it', () => {
    expect(daysLeft('2025-09-30', now)).toBe(14);
    expect(isDeadlineAtRisk('2025-09-30', now, 14, 'in_progress')).toBe(true);
    expect(isDeadlineAtRisk('2025-09-30', now, 13, 'in_progress')).toBe(false);
    expect(isDeadlineAtRisk('2025-09-16', now, 0, 'offered')).toBe(true);
    expect(isDeadlineAtRisk('2025-09-01', now, 7, 'assigned')).toBe(true);
  });

  it.each<ReferralStatus>(['completed', 'returned', 'withdrawn', 'unmatched', 'ineligible'])('never flags a %s referral', (status) => {
    expect(isDeadlineAtRisk('2025-09-01', now, 14, status)).toBe(false);
  });
});
