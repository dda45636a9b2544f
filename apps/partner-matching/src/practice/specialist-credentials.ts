import type { EntityManager } from 'typeorm';
import type { ReferralEntity } from '@rj/matching/data-access';

/**
 * The day an expiry date runs through. Matching does not know the jurisdiction's zone; the
 * platform's reference zone (as mediation-scheduling's default thresholds) decides the day.
 */
export const SPECIALIST_CREDENTIAL_TIME_ZONE = 'Europe/Amsterdam';

/**
 * Partners with at least one active mediator holding a verified specialist credential for the
 * referral's specialist category that has not expired today (issue 22); none is needed unless
 * the referral requires a specialist.
 */
export async function credentialedSpecialistsFor(
  manager: EntityManager,
  referral: Pick<ReferralEntity, 'requiresSpecialist' | 'specialistCategory' | 'offenseCategory'>,
  now: Date,
): Promise<string[]> {
  if (!referral.requiresSpecialist) return [];
  const category = referral.specialistCategory ?? referral.offenseCategory;
  const rows = (await manager.query(
    `select distinct partner_id as "partnerId" from specialist_credential
      where categories ? $1 and mediator_active and (expires_on is null or expires_on >= ($2::timestamptz at time zone $3)::date)`,
    [category, now, SPECIALIST_CREDENTIAL_TIME_ZONE],
  )) as { partnerId: string }[];
  return rows.map((row) => row.partnerId);
}
