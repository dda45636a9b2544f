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

/** Shorter response windows rank higher: 1 within no time, 0.5 for a day, 0.25 for three days. */
export function responseTimeFactor(responseHours: number): number {
  return responseHours > 0 ? 1 / (1 + responseHours / 24) : 1;
}
