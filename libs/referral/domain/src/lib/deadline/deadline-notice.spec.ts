import { daysLeftForEvent, deadlineAtRiskNotice } from './deadline-notice';

describe('deadlineAtRiskNotice', () => {
  const input = {
    referralId: 'r-1',
    jurisdiction: 'NL-NH',
    offenseCode: 'SR-350',
    reportBackBy: '2025-09-30',
    daysLeft: 14,
  };

  it('names the referral by id and codes and says when the deadline comes', () => {
    const notice = deadlineAtRiskNotice(input);
    expect(notice.subject).toBe('Report-back deadline at risk: referral r-1');
    expect(notice.body).toContain('2025-09-30 (in 14 days)');
    expect(notice.body).toContain('NL-NH');
  });

  it('words the last days plainly', () => {
    expect(deadlineAtRiskNotice({ ...input, daysLeft: 1 }).body).toContain('(tomorrow)');
    expect(deadlineAtRiskNotice({ ...input, daysLeft: 0 }).body).toContain('(today)');
    expect(deadlineAtRiskNotice({ ...input, daysLeft: -3 }).body).toContain('(already past)');
  });

  it('never gives the event a negative number of days', () => {
    expect(daysLeftForEvent(-3)).toBe(0);
    expect(daysLeftForEvent(5)).toBe(5);
  });
});
