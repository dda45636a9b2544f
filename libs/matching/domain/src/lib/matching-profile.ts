/**
 * What matching may see of a referral and of a partner: attributes only, never names,
 * contacts or anything else personal (product.md, Matching and Offer: "never names or contacts").
 */
export interface MatchingAttributes {
  readonly jurisdiction: string;
  readonly offenseCategory: string;
  readonly severity: string;
  /** One entry per party: that party's preferred language code (duplicates weigh each party equally). */
  readonly languages: readonly string[];
  readonly hasMinor: boolean;
  /**
   * True when the category needs a specialist, e.g. an excluded category an admin overrode
   * (api.md, review: "matched only to partners listing the category among their specialties").
   */
  readonly requiresSpecialist: boolean;
  /**
   * The category a specialist must list among its specialties (referral.reviewed's
   * `specialistCategory`); the offence category when absent.
   */
  readonly specialistCategory?: string;
  /**
   * Partners with at least one mediator holding a valid, verified specialist credential for the
   * specialist category today (issue 22). Needed only when a specialist is required; absent,
   * no partner has one.
   */
  readonly credentialedSpecialistPartnerIds?: readonly string[];
}

export interface PartnerProfile {
  readonly partnerId: string;
  readonly jurisdictions: readonly string[];
  readonly offenseCategories: readonly string[];
  readonly languages: readonly string[];
  readonly servesMinors: boolean;
  readonly capacity: number;
  /** Cases the partner holds now: its load. */
  readonly openCases: number;
  /** The response window the partner promises (its offers expire after it). */
  readonly responseHours: number;
  /**
   * How fast the partner really answers, in hours, from its own answered and expired offers
   * (see `typicalResponseHours`); null or absent until there are enough of them, and then the
   * promised window stands in for it.
   */
  readonly typicalResponseHours?: number | null;
  readonly specialties: readonly string[];
  readonly active: boolean;
}

/** Partners already asked about this referral who declined or let the offer expire. */
export interface MatchingHistory {
  readonly declinedOrExpiredPartnerIds: Iterable<string>;
}
