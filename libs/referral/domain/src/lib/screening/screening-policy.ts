import { STAGES, type OffenseSeverity, type Stage } from '../vocabulary';

/**
 * A jurisdiction's screening policy is data, not code (product.md, Screening; conventions.md,
 * "Screening policy ... are data, validated on load, versioned"). An admin sets it per
 * jurisdiction with `PUT /api/screening-policies/{jurisdiction}`; every PUT is a new version,
 * and every screening decision records the version that decided it.
 */

export interface ScreeningPolicy {
  /** A jurisdiction code, or '*' for the platform default. */
  readonly jurisdiction: string;
  /** 0 is the built-in default; stored policies start at 1 and go up by one per PUT. */
  readonly version: number;
  readonly excludedOffenseCategories: readonly string[];
  readonly reviewOffenseCategories: readonly string[];
  readonly allowedStages: readonly Stage[];
  readonly excludedSeverities: readonly OffenseSeverity[];
  readonly protectiveOrderNeedsReview: boolean;
}

/** Jurisdiction of the built-in default policy, used where a jurisdiction has none of its own. */
export const DEFAULT_POLICY_JURISDICTION = '*';

/**
 * api.md, Screening policy body: "A jurisdiction without a policy uses the default:
 * domestic_violence and sexual_offense excluded, all stages allowed, a protective order needs
 * review." Research R8 (Vermont DV/SV only under an MOU, Nova Scotia's moratorium) is why the
 * two categories are excluded unless an admin overrides with a reason.
 */
export const DEFAULT_SCREENING_POLICY: ScreeningPolicy = Object.freeze({
  jurisdiction: DEFAULT_POLICY_JURISDICTION,
  version: 0,
  excludedOffenseCategories: Object.freeze(['domestic_violence', 'sexual_offense']),
  reviewOffenseCategories: Object.freeze([] as string[]),
  allowedStages: Object.freeze([...STAGES]),
  excludedSeverities: Object.freeze([] as OffenseSeverity[]),
  protectiveOrderNeedsReview: true,
});

/** The policy that screens a referral of this jurisdiction: its own, else the default. */
export function policyFor(jurisdiction: string, policies: readonly ScreeningPolicy[]): ScreeningPolicy {
  return policies.find((policy) => policy.jurisdiction === jurisdiction) ?? DEFAULT_SCREENING_POLICY;
}
