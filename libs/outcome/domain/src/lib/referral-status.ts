import type { ReferralStatus } from '@rj/shared/contracts';

/**
 * How far along the path (api.md, Referral status) each status is. Events of different topics
 * arrive in no fixed order, so a late `offer.made` must not pull an `assigned` referral back
 * to `offered`: a status only moves forward, and `withdrawn` is final.
 */
const STAGE: Readonly<Record<ReferralStatus, number>> = {
  submitted: 0,
  needs_review: 1,
  ineligible: 1,
  matching: 1,
  offered: 2,
  unmatched: 3,
  assigned: 3,
  in_progress: 4,
  completed: 5,
  returned: 5,
  withdrawn: 6,
};

export function advanceReferralStatus(current: ReferralStatus, next: ReferralStatus): ReferralStatus {
  if (current === 'withdrawn') return current;
  // A review decides a screening at the same stage (needs_review → matching or ineligible).
  return STAGE[next] >= STAGE[current] ? next : current;
}
