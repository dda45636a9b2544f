import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { AgreementTermEntity } from './entities/agreement-term.entity';
import { DataKeyEntity } from './entities/data-key.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { OfficeEntity } from './entities/office.entity';
import { PartyEntity } from './entities/party.entity';
import { ReferralStatusChangeEntity } from './entities/referral-status-change.entity';
import { ReferralEntity } from './entities/referral.entity';
import { ScreeningPolicyEntity } from './entities/screening-policy.entity';
import { SharingConsentEntity } from './entities/sharing-consent.entity';
import { CreateReferralIntakeTables1764200000000 } from './migrations/1764200000000-create-referral-intake-tables';

/**
 * referral-intake's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const REFERRAL_DATABASE = {
  defaultName: 'rj_referral_intake',
  entities: [
    OfficeEntity,
    DataKeyEntity,
    ScreeningPolicyEntity,
    ReferralEntity,
    PartyEntity,
    ReferralStatusChangeEntity,
    SharingConsentEntity,
    AgreementTermEntity,
    IdempotencyKeyEntity,
    ...notificationEntities,
  ] as (new () => unknown)[],
  migrations: [CreateMessagingTables1764100000000, CreateReferralIntakeTables1764200000000, ...notificationMigrations] as (new () => unknown)[],
};
