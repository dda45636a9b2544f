import { rate } from './figures';
import { defineMetric } from './metric-definition';

/** Both parties must have said yes: one party's consent alone is not participation (R1). */
export const participationRate = defineMetric({
  id: 'participationRate',
  title: 'Participation rate',
  definition:
    'Cases opened in which every party gave a participation consent (at any point, even if later withdrawn), divided by cases opened. Referrals that never reached a partner are not in the denominator.',
  compute: ({ referrals }) => {
    const opened = referrals.flatMap((referral) => referral.case ?? []);
    return rate(opened.filter((openedCase) => openedCase.everyPartyConsented).length, opened.length);
  },
});
