import { assertOwnedBy, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import type { ReferralEntity } from '@rj/referral/data-access';

/**
 * A prosecutor sees only its own office's referrals; another office's is 404, never 403, so
 * its existence is not revealed (api.md, Auth). Auditors and admins see every office's; which
 * roles reach a route at all is the route's @Roles.
 */
export function assertVisibleTo(
  principal: Principal,
  referral: Pick<ReferralEntity, 'officeId'> | null,
): asserts referral is ReferralEntity {
  if (!referral) throw new NotFound('no such referral');
  if (principal.role !== 'auditor' && principal.role !== 'admin')
    assertOwnedBy(principal, referral.officeId, 'no such referral');
}
