import { SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { idempotencyMigrations } from '@rj/shared/persistence';
import { webhookEntities, webhookMigrations } from '@rj/shared/webhooks';
import { AssignmentEntity } from './entities/assignment.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { MatchEntity } from './entities/match.entity';
import { OfferEntity } from './entities/offer.entity';
import { PartnerEntity } from './entities/partner.entity';
import { RankingWeightsEntity } from './entities/ranking-weights.entity';
import { ReferralEntity } from './entities/referral.entity';
import { CreateMatchingTables1795671000000 } from './migrations/1795671000000-create-matching-tables';
import { SeedRankingWeights1795671000001 } from './migrations/1795671000001-seed-ranking-weights';
import { AddPartnerDeactivation1796100000000 } from './migrations/1796100000000-add-partner-deactivation';
import { CreateSpecialistCredential1796200000000 } from './migrations/1796200000000-create-specialist-credential';
import { SpecialistCredentialMediatorActive1796200000001 } from './migrations/1796200000001-specialist-credential-mediator-active';
import { ParkEarlyReferralEvents1796900000000 } from './migrations/1796900000000-park-early-referral-events';
import { PartnerRegistryVersion1797000000000 } from './migrations/1797000000000-partner-registry-version';

/**
 * partner-matching's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const MATCHING_DATABASE = {
  defaultName: SERVICE_TOPOLOGY['partner-matching'].database,
  entities: [
    PartnerEntity,
    ReferralEntity,
    MatchEntity,
    OfferEntity,
    AssignmentEntity,
    RankingWeightsEntity,
    IdempotencyKeyEntity,
    ...notificationEntities,
    ...webhookEntities,
  ] as (new () => unknown)[],
  migrations: [
    CreateMessagingTables1764100000000,
    ...notificationMigrations,
    ...idempotencyMigrations,
    CreateMatchingTables1795671000000,
    SeedRankingWeights1795671000001,
    AddPartnerDeactivation1796100000000,
    CreateSpecialistCredential1796200000000,
    SpecialistCredentialMediatorActive1796200000001,
    ...webhookMigrations,
    ParkEarlyReferralEvents1796900000000,
    PartnerRegistryVersion1797000000000,
  ] as (new () => unknown)[],
};
