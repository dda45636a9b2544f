import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { AgreementEntity } from './entities/agreement.entity';
import { CaseMediatorEntity } from './entities/case-mediator.entity';
import { CaseEntity } from './entities/case.entity';
import { ConsentEntity } from './entities/consent.entity';
import { FollowUpEntity } from './entities/follow-up.entity';
import { MediatorEntity } from './entities/mediator.entity';
import { OfferEntity } from './entities/offer.entity';
import { OfficeEntity } from './entities/office.entity';
import { ParticipantEntity } from './entities/participant.entity';
import { PartnerEntity } from './entities/partner.entity';
import { ReferralEntity } from './entities/referral.entity';
import { TermProgressEntity } from './entities/term-progress.entity';
import { TermEntity } from './entities/term.entity';
import { CreateOutcomeTables1795700000000 } from './migrations/1795700000000-create-outcome-tables';

/**
 * outcome-tracking's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const OUTCOME_DATABASE = {
  defaultName: 'rj_outcome_tracking',
  entities: [
    OfficeEntity, PartnerEntity, MediatorEntity, ReferralEntity, ParticipantEntity, ConsentEntity, OfferEntity,
    CaseEntity, CaseMediatorEntity, AgreementEntity, TermEntity, TermProgressEntity, FollowUpEntity, ...notificationEntities,
  ] as (new () => unknown)[],
  migrations: [CreateMessagingTables1764100000000, ...notificationMigrations, CreateOutcomeTables1795700000000] as (new () => unknown)[],
};
