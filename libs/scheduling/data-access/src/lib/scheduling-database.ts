import { SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
import { idempotencyMigrations } from '@rj/shared/persistence';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { ContactConfirmationEntity } from './entities/contact-confirmation.entity';
import { PracticeRecordEntity, PracticeThresholdsEntity } from './entities/practice-record.entity';
import { CaseMediatorEntity } from './entities/case-mediator.entity';
import { CaseNoteEntity } from './entities/case-note.entity';
import { DisclosureEntity } from './entities/disclosure.entity';
import { MediationCaseEntity } from './entities/mediation-case.entity';
import { MediatorEntity } from './entities/mediator.entity';
import { ParticipantRecordEntity } from './entities/participant-record.entity';
import { PartnerEntity } from './entities/partner.entity';
import { ReferralSnapshotEntity } from './entities/referral-snapshot.entity';
import { ReminderDeliveryEntity } from './entities/reminder-delivery.entity';
import { SessionEntity } from './entities/session.entity';
import { CreateSchedulingTables1796000000000 } from './migrations/1796000000000-create-scheduling-tables';
import { CreateSessionBooking1796000000001 } from './migrations/1796000000001-create-session-booking';
import { AddVenueAndCalendarFeed1796000000010 } from './migrations/1796000000010-add-venue-and-calendar-feed';
import { CreateContactConfirmation1796000000011 } from './migrations/1796000000011-create-contact-confirmation';
import { MediatorDeactivation1796000000020 } from './migrations/1796000000020-mediator-deactivation';
import { CreatePracticeRecords1796000000030 } from './migrations/1796000000030-create-practice-records';
import { PartnerContactEmail1796000000031 } from './migrations/1796000000031-partner-contact-email';
import { LocalTimeOfParticipants1796000000040 } from './migrations/1796000000040-local-time-of-participants';
import { JurisdictionSettingEntity } from './entities/jurisdiction-setting.entity';

/**
 * mediation-scheduling's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const SCHEDULING_DATABASE = {
  defaultName: SERVICE_TOPOLOGY['mediation-scheduling'].database,
  entities: [
    PartnerEntity,
    MediatorEntity,
    ReferralSnapshotEntity,
    MediationCaseEntity,
    CaseMediatorEntity,
    SessionEntity,
    ParticipantRecordEntity,
    CaseNoteEntity,
    DisclosureEntity,
    ReminderDeliveryEntity,
    CalendarFeedEntity,
    ContactConfirmationEntity,
    PracticeRecordEntity,
    PracticeThresholdsEntity,
    JurisdictionSettingEntity,
    ...notificationEntities,
  ] as (new () => unknown)[],
  migrations: [
    CreateMessagingTables1764100000000,
    ...notificationMigrations,
    ...idempotencyMigrations,
    CreateSchedulingTables1796000000000,
    CreateSessionBooking1796000000001,
    AddVenueAndCalendarFeed1796000000010,
    CreateContactConfirmation1796000000011,
    MediatorDeactivation1796000000020,
    CreatePracticeRecords1796000000030,
    PartnerContactEmail1796000000031,
    LocalTimeOfParticipants1796000000040,
  ] as (new () => unknown)[],
};
