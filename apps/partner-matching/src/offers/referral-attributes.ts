import type { ReferralEntity } from '@rj/matching/data-access';
import type { MatchingAttributes } from '@rj/matching/domain';

/**
 * The referral as matching's rules see it: attributes only; with the partners that have a
 * credentialed specialist for it when it needs one (practice/specialist-credentials.ts).
 */
export function attributesOf(
  referral: ReferralEntity,
  credentialedSpecialistPartnerIds: readonly string[] = [],
): MatchingAttributes {
  return {
    jurisdiction: referral.jurisdiction,
    offenseCategory: referral.offenseCategory,
    severity: referral.severity,
    languages: referral.languages,
    hasMinor: referral.hasMinor,
    requiresSpecialist: referral.requiresSpecialist,
    ...(referral.specialistCategory ? { specialistCategory: referral.specialistCategory } : {}),
    credentialedSpecialistPartnerIds,
  };
}
