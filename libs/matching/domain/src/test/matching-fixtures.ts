import type { MatchingAttributes, PartnerProfile } from '../lib/matching-profile';

/** A referral every `partnerFits` partner can take: attributes only, as matching sees them. */
export function referralFits(overrides: Partial<MatchingAttributes> = {}): MatchingAttributes {
  return {
    jurisdiction: 'NL-NH',
    offenseCategory: 'assault',
    severity: 'misdemeanor',
    languages: ['nl', 'ar'],
    hasMinor: false,
    requiresSpecialist: false,
    ...overrides,
  };
}

export function partnerFits(overrides: Partial<PartnerProfile> = {}): PartnerProfile {
  return {
    partnerId: 'partner-a',
    jurisdictions: ['NL-NH'],
    offenseCategories: ['assault', 'theft'],
    languages: ['nl', 'ar'],
    servesMinors: true,
    capacity: 4,
    openCases: 1,
    responseHours: 24,
    specialties: [],
    active: true,
    ...overrides,
  };
}
