import type { ScreeningInput, ScreeningReason } from './screening-decision';
import type { ScreeningPolicy } from './screening-policy';

/**
 * One function per screening rule of product.md ("Screening"). Each returns the reason it
 * applies for, or null. They read the policy only: no rule is hard-coded beyond its shape.
 */
export type ScreeningRuleCheck = (referral: ScreeningInput, policy: ScreeningPolicy) => ScreeningReason | null;

/** "Offence categories excluded by default (domestic violence, sexual offences)" — ineligible. */
export const offenseCategoryExcluded: ScreeningRuleCheck = (referral, policy) =>
  policy.excludedOffenseCategories.includes(referral.offense.category)
    ? { rule: 'excluded_offense_category', detail: referral.offense.category }
    : null;

/** A jurisdiction may exclude a severity (R8: e.g. only misdemeanours and lower felonies) — ineligible. */
export const severityExcluded: ScreeningRuleCheck = (referral, policy) =>
  policy.excludedSeverities.includes(referral.offense.severity)
    ? { rule: 'excluded_severity', detail: referral.offense.severity }
    : null;

/** "Stage allowed": a stage the jurisdiction does not divert at — ineligible. */
export const stageNotAllowed: ScreeningRuleCheck = (referral, policy) =>
  policy.allowedStages.includes(referral.stage) ? null : { rule: 'stage_not_allowed', detail: referral.stage };

/** Categories the jurisdiction wants a person to look at before matching — needs review. */
export const offenseCategoryNeedsReview: ScreeningRuleCheck = (referral, policy) =>
  policy.reviewOffenseCategories.includes(referral.offense.category)
    ? { rule: 'review_offense_category', detail: referral.offense.category }
    : null;

/** "A protective order sends the case to review" (product.md, Screening) — needs review. */
export const protectiveOrderInForce: ScreeningRuleCheck = (referral, policy) =>
  policy.protectiveOrderNeedsReview && referral.protectiveOrder
    ? { rule: 'protective_order_review', detail: 'protective_order' }
    : null;

/** Excluding rules first, then review rules: the order reasons are listed in, always the same. */
export const SCREENING_RULE_CHECKS: readonly ScreeningRuleCheck[] = [
  offenseCategoryExcluded,
  severityExcluded,
  stageNotAllowed,
  offenseCategoryNeedsReview,
  protectiveOrderInForce,
];
