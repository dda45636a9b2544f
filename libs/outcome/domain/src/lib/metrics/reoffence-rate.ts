import { rate, type RateFigure } from './figures';
import { defineMetric } from './metric-definition';

export const REOFFENCE_OFFSETS_MONTHS = [6, 12, 24] as const;

/**
 * Prevalence over follow-ups actually answered (domain research M9): an unanswered follow-up is
 * unknown, not "did not re-offend", so it stays out of the denominator.
 */
export const reoffenceRate = defineMetric({
  id: 'reoffenceRate',
  title: 'Re-offence rate at 6, 12 and 24 months',
  definition:
    'For each offset (6, 12, 24 months after completion): follow-ups at that offset recorded as re-offended, divided by follow-ups at that offset that the prosecutor recorded (yes or no). Follow-ups not yet answered are left out.',
  compute: ({ referrals }) => {
    const followUps = referrals
      .flatMap((referral) => referral.followUps)
      .filter((followUp) => followUp.reoffended !== null);
    const byOffset: Record<string, RateFigure> = {};
    for (const months of REOFFENCE_OFFSETS_MONTHS) {
      const recorded = followUps.filter((followUp) => followUp.offsetMonths === months);
      byOffset[`${months}m`] = rate(recorded.filter((followUp) => followUp.reoffended).length, recorded.length);
    }
    return byOffset;
  },
});
