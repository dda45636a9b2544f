/**
 * What other services need to know about a referral's parties without reading a name
 * (api.md, Events: `referral.submitted` carries "languages, minors"): matching's language and
 * minors constraints are hard constraints, so they are derived here, once, from the parties.
 */
export interface PartyFacts {
  preferredLanguage: string;
  minor: boolean;
}

/** The parties' preferred languages, each once, in the order the parties were listed. */
export function languagesOf(parties: readonly Pick<PartyFacts, 'preferredLanguage'>[]): string[] {
  return [...new Set(parties.map((party) => party.preferredLanguage))];
}

/** A partner must serve minors when any party is one (product.md, Matching). */
export function hasMinorParty(parties: readonly Pick<PartyFacts, 'minor'>[]): boolean {
  return parties.some((party) => party.minor);
}
