import { SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { idempotencyMigrations } from '@rj/shared/persistence';
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
import { PublicationOptInEntity, PublishedReportEntity } from './entities/publication.entity';
import { FeedbackAnswerEntity, FeedbackInvitationEntity, FeedbackOptOutEntity } from './entities/feedback.entity';
import { EligibleNotReferredEntity, SelfDeclarationEntity } from './entities/equity-monitoring.entity';
import { AddEquityMonitoring1796780000000 } from './migrations/1796780000000-add-equity-monitoring';
import { CreateOutcomeTables1795700000000 } from './migrations/1795700000000-create-outcome-tables';
import { AddEquityAndPublication1796600000000 } from './migrations/1796600000000-add-equity-and-publication';
import { CreateFeedback1796700000000 } from './migrations/1796700000000-create-feedback';
import { SurveyRemindersAndStop1796760000000 } from './migrations/1796760000000-survey-reminders-and-stop';
import { TrackChannelConfirmation1796540000000 } from './migrations/1796540000000-track-channel-confirmation';
import { TrackOutcomeNotices1796541000000 } from './migrations/1796541000000-track-outcome-notices';
import { JurisdictionSettingEntity } from './entities/jurisdiction-setting.entity';
import { ParticipantsLocalTime1796770000000 } from './migrations/1796770000000-participants-local-time';

/**
 * outcome-tracking's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const OUTCOME_DATABASE = {
  defaultName: SERVICE_TOPOLOGY['outcome-tracking'].database,
  entities: [
    OfficeEntity,
    PartnerEntity,
    MediatorEntity,
    ReferralEntity,
    ParticipantEntity,
    ConsentEntity,
    OfferEntity,
    CaseEntity,
    CaseMediatorEntity,
    AgreementEntity,
    TermEntity,
    TermProgressEntity,
    FollowUpEntity,
    PublicationOptInEntity,
    PublishedReportEntity,
    FeedbackInvitationEntity,
    FeedbackAnswerEntity,
    SelfDeclarationEntity,
    EligibleNotReferredEntity,
    FeedbackOptOutEntity,
    JurisdictionSettingEntity,
    ...notificationEntities,
  ] as (new () => unknown)[],
  migrations: [
    CreateMessagingTables1764100000000,
    ...notificationMigrations,
    ...idempotencyMigrations,
    CreateOutcomeTables1795700000000,
    TrackChannelConfirmation1796540000000,
    TrackOutcomeNotices1796541000000,
    AddEquityAndPublication1796600000000,
    CreateFeedback1796700000000,
    SurveyRemindersAndStop1796760000000,
    ParticipantsLocalTime1796770000000,
    AddEquityMonitoring1796780000000,
  ] as (new () => unknown)[],
};
