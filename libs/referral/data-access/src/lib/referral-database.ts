import { SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { webhookEntities, webhookMigrations } from '@rj/shared/webhooks';
import { AgreementTermEntity } from './entities/agreement-term.entity';
import { DataKeyEntity } from './entities/data-key.entity';
import { IdempotencyKeyEntity } from './entities/idempotency-key.entity';
import { OfficeEntity } from './entities/office.entity';
import { OfficeStaffMemberEntity, OfficeStaffTrainingEntity } from './entities/office-staff.entity';
import { PartyEntity } from './entities/party.entity';
import { ReferralStatusChangeEntity } from './entities/referral-status-change.entity';
import { ReferralEntity } from './entities/referral.entity';
import { ReviewOverrideRequestEntity } from './entities/review-override-request.entity';
import { ScreeningPolicyEntity } from './entities/screening-policy.entity';
import { JurisdictionSettingsEntity } from './entities/jurisdiction-settings.entity';
import { CreateJurisdictionSettings1796600000100 } from './migrations/1796600000100-create-jurisdiction-settings';
import { OneReferralPerCaseNumber1796800000000 } from './migrations/1796800000000-one-referral-per-case-number';
import { CheckSubmissionContext1796900000000 } from './migrations/1796900000000-check-submission-context';
import { SharingConsentEntity } from './entities/sharing-consent.entity';
import { CreateReferralIntakeTables1764200000000 } from './migrations/1764200000000-create-referral-intake-tables';
import { AddConsoleSearchAndOverrideApproval1796100000000 } from './migrations/1796100000000-add-console-search-and-override-approval';
import { CreateOfficeStaffTraining1796300000000 } from './migrations/1796300000000-create-office-staff-training';

/**
 * referral-intake's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const REFERRAL_DATABASE = {
  defaultName: SERVICE_TOPOLOGY['referral-intake'].database,
  entities: [
    OfficeEntity,
    DataKeyEntity,
    ScreeningPolicyEntity,
    JurisdictionSettingsEntity,
    ReferralEntity,
    PartyEntity,
    ReferralStatusChangeEntity,
    SharingConsentEntity,
    AgreementTermEntity,
    IdempotencyKeyEntity,
    ReviewOverrideRequestEntity,
    OfficeStaffMemberEntity,
    OfficeStaffTrainingEntity,
    ...notificationEntities,
    ...webhookEntities,
  ] as (new () => unknown)[],
  migrations: [
    CreateMessagingTables1764100000000,
    CreateReferralIntakeTables1764200000000,
    ...notificationMigrations,
    AddConsoleSearchAndOverrideApproval1796100000000,
    ...webhookMigrations,
    CreateOfficeStaffTraining1796300000000,
    CreateJurisdictionSettings1796600000100,
    OneReferralPerCaseNumber1796800000000,
    CheckSubmissionContext1796900000000,
  ] as (new () => unknown)[],
};
