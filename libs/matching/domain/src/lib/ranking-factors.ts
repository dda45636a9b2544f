import type { PartnerProfile } from './matching-profile';

/**
 * The ranking factors of product.md, Matching, each normalised to 0..1 (higher is better):
 * language match, specialty, load, response time. A partner's past acceptance rate is not a
 * factor and must never become one: it "would reward taking unsuitable cases" (product.md).
 */

/** How many of the parties' preferred languages the partner speaks (one entry per party). */
export function languagesSpoken(partner: PartnerProfile, partyLanguages: readonly string[]): number {
  let spoken = 0;
  for (let i = 0; i < partyLanguages.length; i++) {
    if (partner.languages.includes(partyLanguages[i])) spoken++;
  }
  return spoken;
}

/** Fraction of the parties' languages spoken; a referral naming no language favours no one. */
export function languageFactor(spoken: number, partyCount: number): number {
  return partyCount === 0 ? 1 : spoken / partyCount;
}

export function specialtyFactor(partner: PartnerProfile, offenseCategory: string): number {
  return partner.specialties.includes(offenseCategory) ? 1 : 0;
}

/** Share of capacity in use, 0..1 (1 when there is no capacity at all). */
export function loadShare(partner: Pick<PartnerProfile, 'capacity' | 'openCases'>): number {
  if (!(partner.capacity > 0)) return 1;
  const share = partner.openCases / partner.capacity;
  return share < 0 ? 0 : share > 1 ? 1 : share;
}

/** A lightly loaded partner can start sooner: 1 - openCases / capacity. */
export function loadFactor(partner: Pick<PartnerProfile, 'capacity' | 'openCases'>): number {
  return 1 - loadShare(partner);
}

/** Shorter response times rank higher: 1 within no time, 0.5 for a day, 0.25 for three days. */
export function responseTimeFactor(responseHours: number): number {
  return responseHours > 0 ? 1 / (1 + responseHours / 24) : 1;
}

/** The response time that ranks: how fast the partner really answers once known, else its window. */
export function rankedResponseHours(partner: Pick<PartnerProfile, 'responseHours' | 'typicalResponseHours'>): number {
  return partner.typicalResponseHours ?? partner.responseHours;
}

/** Resolved offers needed before a partner's own record replaces its promised window. */
export const MIN_RESOLVED_OFFERS = 3;

/**
 * A partner's typical response time: the mean hours from offer to answer over its resolved
 * offers, where an offer left to expire counts its whole window (ignoring offers must not look
 * fast). Accepting and declining count alike: this measures speed, never willingness, so it
 * cannot turn into the acceptance rate product.md forbids. Null below MIN_RESOLVED_OFFERS.
 */
export function typicalResponseHours(
  resolvedOffers: number,
  totalResponseHours: number,
  minimum = MIN_RESOLVED_OFFERS,
): number | null {
  if (!(resolvedOffers >= minimum) || !(totalResponseHours >= 0)) return null;
  return totalResponseHours / resolvedOffers;
}
