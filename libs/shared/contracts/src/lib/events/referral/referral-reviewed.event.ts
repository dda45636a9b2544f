/**
 * referral.reviewed — emitted by referral-intake when a prosecutor decides a `needs_review`
 * screening or an admin overrides an `ineligible` one. Consumed by partner-matching
 * (eligible → match; `requiresSpecialist` restricts to partners listing `specialistCategory`
 * among their specialties) and audit-ledger. Aggregate: referral.
 * The reviewer's reason is free text: it stays in intake; the event only says one was recorded.
 */
import { Equals, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, IsConsistent } from '../common';
import { REVIEW_DECISIONS, REVIEWER_ROLES, type ReviewDecision, type ReviewerRole } from '../vocabulary';

function checkOverride(d: ReferralReviewedData): string | undefined {
  // product.md: only an admin overrides an excluded category, and the case then goes only to a specialist.
  if (d.overrodeExclusion && d.reviewerRole !== 'admin') return 'only an admin overrides an exclusion';
  if (d.overrodeExclusion && d.decision !== 'eligible') return 'an overridden exclusion is an eligible decision';
  if (d.overrodeExclusion && !d.requiresSpecialist) return 'an overridden exclusion requires a specialist';
  if (d.requiresSpecialist && d.decision !== 'eligible') return 'only an eligible referral requires a specialist';
  if (d.requiresSpecialist !== (d.specialistCategory !== undefined))
    return 'specialistCategory is set exactly when a specialist is required';
  return undefined;
}

export class ReferralReviewedData {
  @IsIn(REVIEW_DECISIONS) decision: ReviewDecision;
  @IsIn(REVIEWER_ROLES) reviewerRole: ReviewerRole;
  @IsBoolean() overrodeExclusion: boolean;
  @IsBoolean() @IsConsistent<ReferralReviewedData>(checkOverride) requiresSpecialist: boolean;
  /** The offence category a specialist partner must list among its `specialties`. */
  @IsOptional() @IsCode() specialistCategory?: string;
  @Equals(true) reasonRecorded: true;
}

export const ReferralReviewed = defineEvent({
  type: 'referral.reviewed',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'referral',
  referralScoped: true,
  schema: ReferralReviewedData,
});
