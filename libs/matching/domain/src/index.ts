export { type MatchingAttributes, type MatchingHistory, type PartnerProfile } from './lib/matching-profile';
export {
  DEFAULT_RANKING_WEIGHTS,
  RANKING_FACTORS,
  parseRankingWeights,
  type RankingFactor,
  type RankingWeights,
} from './lib/ranking-weights';
export {
  EXCLUSION_REASONS,
  constraintContext,
  exclusionMask,
  exclusionReasons,
  hasFreeCapacity,
  hasRequiredSpecialty,
  isActive,
  notAlreadyDeclinedOrExpired,
  reasonsOfMask,
  servesJurisdiction,
  servesMinorsWhenNeeded,
  takesCategory,
  type ConstraintContext,
  type ExclusionReason,
} from './lib/hard-constraints';
export {
  MIN_RESOLVED_OFFERS,
  languageFactor,
  languagesSpoken,
  loadFactor,
  loadShare,
  rankedResponseHours,
  responseTimeFactor,
  specialtyFactor,
  typicalResponseHours,
} from './lib/ranking-factors';
export { rankPartners, type ExcludedPartner, type MatchResult, type RankedCandidate } from './lib/rank-partners';
export {
  assertCapacityAvailable,
  assertOfferAnswerable,
  offerExpiresAt,
  offerStatusAfter,
  type OfferAction,
  type OfferSnapshot,
} from './lib/offer-rules';
export {
  MAX_OFFER_RANK,
  nextOffer,
  type NextOffer,
  type NextOfferDecision,
  type PassedOver,
} from './lib/offer-sequence';
export { trimMatchForEvent } from './lib/match-summary';
export { offerAnnouncement, type Announcement, type OfferedReferral } from './lib/offer-announcement';
export {
  PARTNER_ADMIN_EDITABLE_FIELDS,
  PARTNER_PROFILE_FIELDS,
  assertActivationAllowed,
  assertPartnerActive,
  assertProfileChangeAllowed,
  type PartnerProfileField,
} from './lib/partner-profile-rules';
