import { countBy } from './figures';
import { defineMetric } from './metric-definition';

export const referralsByStatus = defineMetric({
  id: 'referralsByStatus',
  title: 'Referrals by status',
  definition:
    'Number of referrals in scope, grouped by their current status (submitted, ineligible, needs_review, matching, offered, assigned, in_progress, completed, returned, unmatched, withdrawn).',
  compute: ({ referrals }) => countBy(referrals, (referral) => referral.status),
});

export const referralsBySource = defineMetric({
  id: 'referralsBySource',
  title: 'Referrals by source',
  definition: 'Number of referrals in scope, grouped by source (prosecutor, police, court, probation, victim_request).',
  compute: ({ referrals }) => countBy(referrals, (referral) => referral.source),
});
