import type { MatchingAttributes, PartnerProfile } from './matching-profile';

/**
 * The hard constraints of product.md, Matching: a partner failing any of them is never offered
 * the referral, however well it would rank. Each is a named function with its own reason code,
 * so an excluded partner's record says exactly which rule excluded it.
 */
export const EXCLUSION_REASONS = [
  'inactive',
  'jurisdiction_not_served',
  'category_not_taken',
  'specialist_required',
  'minors_not_served',
  'no_free_capacity',
  'already_declined_or_expired',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** What the constraints need of a referral, prepared once per ranking (not once per partner). */
export interface ConstraintContext {
  readonly jurisdiction: string;
  readonly offenseCategory: string;
  readonly requiresSpecialist: boolean;
  /** The specialty a partner must list when a specialist is required. */
  readonly specialistCategory: string;
  /** Partners with a credentialed specialist mediator for that category (issue 22). */
  readonly credentialedSpecialists: ReadonlySet<string>;
  readonly hasMinor: boolean;
  readonly declinedOrExpired: ReadonlySet<string>;
}

export function constraintContext(
  referral: MatchingAttributes,
  declinedOrExpired: Iterable<string> = [],
): ConstraintContext {
  return {
    jurisdiction: referral.jurisdiction,
    offenseCategory: referral.offenseCategory,
    requiresSpecialist: referral.requiresSpecialist,
    specialistCategory: referral.specialistCategory ?? referral.offenseCategory,
    credentialedSpecialists: new Set(referral.credentialedSpecialistPartnerIds ?? []),
    hasMinor: referral.hasMinor,
    declinedOrExpired: new Set(declinedOrExpired),
  };
}

/** An inactive partner takes no new offers (product.md: "is active"). */
export function isActive(partner: PartnerProfile): boolean {
  return partner.active;
}

export function servesJurisdiction(partner: PartnerProfile, ctx: ConstraintContext): boolean {
  return partner.jurisdictions.includes(ctx.jurisdiction);
}

export function takesCategory(partner: PartnerProfile, ctx: ConstraintContext): boolean {
  return partner.offenseCategories.includes(ctx.offenseCategory);
}

/**
 * An overridden exclusion goes only to a partner an admin approved for the category (it lists
 * it among its specialties: its protocol and specialist supervision) and that has at least one
 * mediator with a valid, verified specialist credential for it (product.md, Safety first;
 * issue 22). Both, never one of them.
 */
export function hasRequiredSpecialty(partner: PartnerProfile, ctx: ConstraintContext): boolean {
  return (
    !ctx.requiresSpecialist ||
    (partner.specialties.includes(ctx.specialistCategory) && ctx.credentialedSpecialists.has(partner.partnerId))
  );
}

/** A minor among the parties needs a partner that serves minors (product.md, Matching). */
export function servesMinorsWhenNeeded(partner: PartnerProfile, ctx: ConstraintContext): boolean {
  return !ctx.hasMinor || partner.servesMinors;
}

/** Free capacity: fewer open cases than capacity (product.md, Matching). */
export function hasFreeCapacity(partner: Pick<PartnerProfile, 'capacity' | 'openCases'>): boolean {
  return partner.openCases < partner.capacity;
}

/** Decline or no answer: the next candidate, never the same partner again (product.md, Offer). */
export function notAlreadyDeclinedOrExpired(partner: PartnerProfile, ctx: ConstraintContext): boolean {
  return !ctx.declinedOrExpired.has(partner.partnerId);
}

/**
 * The hard constraints the partner fails as a bit mask (bit i = EXCLUSION_REASONS[i]); 0 when
 * it passes them all. No allocation: this runs once per partner on every ranking.
 */
export function exclusionMask(partner: PartnerProfile, ctx: ConstraintContext): number {
  let mask = 0;
  if (!isActive(partner)) mask |= 1;
  if (!servesJurisdiction(partner, ctx)) mask |= 2;
  if (!takesCategory(partner, ctx)) mask |= 4;
  if (!hasRequiredSpecialty(partner, ctx)) mask |= 8;
  if (!servesMinorsWhenNeeded(partner, ctx)) mask |= 16;
  if (!hasFreeCapacity(partner)) mask |= 32;
  if (!notAlreadyDeclinedOrExpired(partner, ctx)) mask |= 64;
  return mask;
}

/** One frozen list of reason codes per mask, shared by every partner excluded for the same reasons. */
const REASONS_BY_MASK: readonly (readonly ExclusionReason[])[] = Array.from(
  { length: 1 << EXCLUSION_REASONS.length },
  (_, mask) => Object.freeze(EXCLUSION_REASONS.filter((_, bit) => (mask & (1 << bit)) !== 0)),
);

export function reasonsOfMask(mask: number): readonly ExclusionReason[] {
  return REASONS_BY_MASK[mask];
}

/** Every hard constraint the partner fails, in EXCLUSION_REASONS order (empty when none). */
export function exclusionReasons(partner: PartnerProfile, ctx: ConstraintContext): readonly ExclusionReason[] {
  return reasonsOfMask(exclusionMask(partner, ctx));
}
