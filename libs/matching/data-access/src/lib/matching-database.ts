import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { AssignmentEntity } from './entities/assignment.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { MatchEntity } from './entities/match.entity';
import { OfferEntity } from './entities/offer.entity';
import { PartnerEntity } from './entities/partner.entity';
import { RankingWeightsEntity } from './entities/ranking-weights.entity';
import { ReferralEntity } from './entities/referral.entity';
import { CreateMatchingTables1795671000000 } from './migrations/1795671000000-create-matching-tables';
import { SeedRankingWeights1795671000001 } from './migrations/1795671000001-seed-ranking-weights';

/**
 * partner-matching's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const MATCHING_DATABASE = {
  defaultName: 'rj_partner_matching',
  entities: [
    PartnerEntity,
    ReferralEntity,
    MatchEntity,
    OfferEntity,
    AssignmentEntity,
    RankingWeightsEntity,
    IdempotencyKeyEntity,
    ...notificationEntities,
  ] as (new () => unknown)[],
  migrations: [
    CreateMessagingTables1764100000000,
    ...notificationMigrations,
    CreateMatchingTables1795671000000,
    SeedRankingWeights1795671000001,
  ] as (new () => unknown)[],
};
