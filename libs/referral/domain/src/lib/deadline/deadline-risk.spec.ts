import type { ReferralStatus } from '@rj/shared/contracts';
import { daysLeft, deadlineRiskCutoff, isDeadlineAtRisk } from './deadline-risk';

describe('isDeadlineAtRisk', () => {
  const now = new Date('2025-09-16T10:00:00Z');

  it('flags an open referral within the warning window, on the day and after it', () => {
    expect(daysLeft('2025-09-30', now)).toBe(14);
    expect(isDeadlineAtRisk('2025-09-30', now, 14, 'in_progress')).toBe(true);
    expect(isDeadlineAtRisk('2025-09-30', now, 13, 'in_progress')).toBe(false);
    expect(isDeadlineAtRisk('2025-09-16', now, 0, 'offered')).toBe(true);
    expect(isDeadlineAtRisk('2025-09-01', now, 7, 'assigned')).toBe(true);
  });

  it.each<ReferralStatus>(['completed', 'returned', 'withdrawn', 'unmatched', 'ineligible'])(
    'never flags a %s referral',
    (status) => {
      expect(isDeadlineAtRisk('2025-09-01', now, 14, status)).toBe(false);
    },
  );
});

describe('deadlineRiskCutoff', () => {
  it('is the last report-back date within the window, agreeing with isDeadlineAtRisk', () => {
    const now = new Date('2025-09-16T23:30:00Z');
    expect(deadlineRiskCutoff(now, 14)).toBe('2025-09-30');
    expect(deadlineRiskCutoff(now, 0)).toBe('2025-09-16');
    expect(isDeadlineAtRisk(deadlineRiskCutoff(now, 14), now, 14, 'matching')).toBe(true);
    expect(isDeadlineAtRisk('2025-10-01', now, 14, 'matching')).toBe(false);
  });
});
