/**
 * referral.screened — emitted by referral-intake right after submission, when the
 * jurisdiction's screening policy decided. Consumed by partner-matching (eligible → match)
 * and audit-ledger. Aggregate: referral.
 * Conventions: every decision records which policy version and which rule decided it.
 */
import { Type } from 'class-transformer';
import { ArrayMaxSize, Equals, IsIn, IsInt, Max, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsCode, IsConsistent } from '../common';
import { SCREENING_OUTCOMES, SCREENING_RULES, type ScreeningOutcome, type ScreeningRule } from '../vocabulary';

export class ScreeningReason {
  @IsIn(SCREENING_RULES) rule: ScreeningRule;
  /** The value the rule matched, as a code: the category, stage or severity. */
  @IsCode() detail: string;
}

export class ReferralScreenedData {
  @IsIn(SCREENING_OUTCOMES)
  @IsConsistent<ReferralScreenedData>((d) =>
    d.outcome !== 'eligible' && Array.isArray(d.reasons) && d.reasons.length === 0
      ? `an ${d.outcome} screening names its reasons`
      : undefined,
  )
  outcome: ScreeningOutcome;
  @ArrayMaxSize(SCREENING_RULES.length * 10)
  @ValidateNested({ each: true })
  @Type(() => ScreeningReason)
  reasons: ScreeningReason[];
  /** Version of the jurisdiction's policy that decided; 0 is the built-in default policy. */
  @IsInt() @Min(0) @Max(1_000_000) policyVersion: number;
  /** Whose policy decided: the referral's jurisdiction, the key of `PUT /api/screening-policies/{jurisdiction}`. */
  @IsCode() policyJurisdiction: string;
  /** Screening never overrides an exclusion (only an admin's review does); present so both events read alike. */
  @Equals(false) excludedCategoryOverride: false;
}

export const ReferralScreened = defineEvent({
  type: 'referral.screened',
  version: 1,
  topic: Topics.referral,
  aggregateType: 'referral',
  referralScoped: true,
  schema: ReferralScreenedData,
});
