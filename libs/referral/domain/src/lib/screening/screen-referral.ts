import {
  isExcludingRule,
  type ScreeningDecision,
  type ScreeningInput,
  type ScreeningReason,
} from './screening-decision';
import type { ScreeningPolicy } from './screening-policy';
import { SCREENING_RULE_CHECKS } from './screening-rules';

/**
 * product.md, Screening: the jurisdiction's policy decides eligible, ineligible (with reasons)
 * or needs review. Every rule is applied and every applicable reason listed, so the
 * prosecutor (and an admin considering an override) sees the whole picture; an excluding
 * reason wins over a review reason, because a person's review cannot lift an exclusion —
 * only an admin's override can.
 */
export function screenReferral(referral: ScreeningInput, policy: ScreeningPolicy): ScreeningDecision {
  const reasons = SCREENING_RULE_CHECKS.map((check) => check(referral, policy)).filter(
    (reason): reason is ScreeningReason => reason !== null,
  );
  const outcome = reasons.some((reason) => isExcludingRule(reason.rule))
    ? 'ineligible'
    : reasons.length
      ? 'needs_review'
      : 'eligible';
  return { outcome, reasons, policyVersion: policy.version, policyJurisdiction: policy.jurisdiction };
}
