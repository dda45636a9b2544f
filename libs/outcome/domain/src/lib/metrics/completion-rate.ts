import { rate } from './figures';
import { defineMetric } from './metric-definition';

/** Domain research M5; agreements still running are left out so the rate is not dragged down by time. */
export const completionRate = defineMetric({
  id: 'completionRate',
  title: 'Agreement completion rate',
  definition:
    'Agreements completed (every term fulfilled, case.completed), divided by agreements recorded that have reached a final state (completed, or returned as agreement_not_completed or otherwise).',
  compute: ({ referrals }) => {
    const results = referrals.flatMap((referral) => referral.case?.agreement?.result ?? []);
    return rate(results.filter((result) => result === 'completed').length, results.length);
  },
});
