import type { OffenseSeverity, ScreeningOutcome, ScreeningRule, Stage } from '../vocabulary';
import { DEFAULT_POLICY_JURISDICTION } from './screening-policy';

/** What screening reads from a referral (api.md, Referral body). */
export interface ScreeningInput {
  jurisdiction: string;
  offense: { category: string; severity: OffenseSeverity };
  stage: Stage;
  protectiveOrder: boolean;
}

/** Rules that make a referral ineligible, in the order their reasons are listed. */
export const EXCLUDING_RULES: readonly ScreeningRule[] = [
  'excluded_offense_category',
  'excluded_severity',
  'stage_not_allowed',
];
/** Rules that send a referral to a person's review, listed after the excluding ones. */
export const REVIEW_RULES: readonly ScreeningRule[] = ['review_offense_category', 'protective_order_review'];

/** `detail` is a code (the category, severity or stage), never words: it travels in events. */
export interface ScreeningReason {
  rule: ScreeningRule;
  detail: string;
}

export interface ScreeningDecision {
  outcome: ScreeningOutcome;
  reasons: ScreeningReason[];
  /** Which policy decided (conventions.md: every decision records its version and rule). */
  policyVersion: number;
  policyJurisdiction: string;
}

export function isExcludingRule(rule: ScreeningRule): boolean {
  return EXCLUDING_RULES.includes(rule);
}

/**
 * product.md, Safety first: an excluded category overridden by an admin goes only to a
 * specialist partner. A decision that excluded a category therefore needs one if overridden.
 */
export function requiresSpecialist(decision: Pick<ScreeningDecision, 'reasons'>): boolean {
  return excludedCategoryOf(decision) !== null;
}

/** The category a partner must list among its specialties to take an overridden exclusion. */
export function excludedCategoryOf(decision: Pick<ScreeningDecision, 'reasons'>): string | null {
  return decision.reasons.find((reason) => reason.rule === 'excluded_offense_category')?.detail ?? null;
}

export function isEligible(decision: Pick<ScreeningDecision, 'outcome'>): boolean {
  return decision.outcome === 'eligible';
}

/** The built-in default policy decided: the jurisdiction had no policy of its own. */
export function decidedByDefaultPolicy(decision: Pick<ScreeningDecision, 'policyJurisdiction'>): boolean {
  return decision.policyJurisdiction === DEFAULT_POLICY_JURISDICTION;
}

/**
 * The data of `referral.screened`: screening itself never overrides an exclusion. The event
 * names whose policy decided by the referral's jurisdiction (a code, the key of
 * `PUT /api/screening-policies/{jurisdiction}`): when the built-in default decided, that is
 * the referral's own jurisdiction with version 0, which the contract documents as the default.
 */
export function screenedEventData(decision: ScreeningDecision, referralJurisdiction: string) {
  return {
    ...decision,
    reasons: decision.reasons.map((reason) => ({ ...reason })),
    policyJurisdiction: decidedByDefaultPolicy(decision) ? referralJurisdiction : decision.policyJurisdiction,
    excludedCategoryOverride: false as const,
  };
}
