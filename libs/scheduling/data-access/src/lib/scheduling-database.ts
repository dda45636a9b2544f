import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { notificationEntities, notificationMigrations } from '@rj/shared/notifications';
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

/**
 * mediation-scheduling's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const SCHEDULING_DATABASE = {
  defaultName: 'rj_mediation_scheduling',
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
    ...notificationEntities,
  ] as (new () => unknown)[],
  migrations: [
    CreateMessagingTables1764100000000,
    ...notificationMigrations,
    CreateSchedulingTables1796000000000,
    CreateSessionBooking1796000000001,
  ] as (new () => unknown)[],
};
