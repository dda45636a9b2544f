import { advanceReferralStatus } from './referral-status';

describe('advanceReferralStatus', () => {
  it.each([
    ['submitted', 'matching', 'matching'],
    ['needs_review', 'matching', 'matching'],
    ['matching', 'offered', 'offered'],
    ['assigned', 'offered', 'assigned'],
    ['in_progress', 'assigned', 'in_progress'],
    ['in_progress', 'completed', 'completed'],
    ['completed', 'in_progress', 'completed'],
    ['withdrawn', 'completed', 'withdrawn'],
    ['assigned', 'withdrawn', 'withdrawn'],
  ] as const)('%s then %s → %s (late events never move a referral back)', (current, next, expected) => {
    expect(advanceReferralStatus(current, next)).toBe(expected);
  });
});
