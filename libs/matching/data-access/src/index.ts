export { MATCHING_DATABASE } from './lib/matching-database';
export { PartnerEntity } from './lib/entities/partner.entity';
export { ReferralEntity } from './lib/entities/referral.entity';
export { MATCH_STATUSES, MatchEntity, type MatchStatus } from './lib/entities/match.entity';
export { OfferEntity } from './lib/entities/offer.entity';
export { AssignmentEntity, RELEASE_REASONS, type ReleaseReason } from './lib/entities/assignment.entity';
export { RankingWeightsEntity } from './lib/entities/ranking-weights.entity';
export { IdempotencyKeyEntity } from './lib/entities/idempotency-key.entity';
export { CreateMatchingTables1795671000000 } from './lib/migrations/1795671000000-create-matching-tables';
export { SeedRankingWeights1795671000001 } from './lib/migrations/1795671000001-seed-ranking-weights';
export { AddPartnerDeactivation1796100000000 } from './lib/migrations/1796100000000-add-partner-deactivation';
export { CreateSpecialistCredential1796200000000 } from './lib/migrations/1796200000000-create-specialist-credential';
export { SpecialistCredentialMediatorActive1796200000001 } from './lib/migrations/1796200000001-specialist-credential-mediator-active';
export {
  loadPartnerProfiles,
  loadPartnerProfilesByIds,
  PartnerProfileCache,
  partnerProfileOf,
} from './lib/partner-profiles';
export { allRankingWeights, currentRankingWeights } from './lib/ranking-weights-store';
