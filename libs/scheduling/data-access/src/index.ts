export { SCHEDULING_DATABASE } from './lib/scheduling-database';
export {
  bookSession,
  isDoubleBooking,
  mediatorKey,
  moveBookings,
  participantKey,
  releaseBookings,
} from './lib/session-bookings';
export { PartnerEntity } from './lib/entities/partner.entity';
export { MediatorEntity } from './lib/entities/mediator.entity';
export { ReferralSnapshotEntity } from './lib/entities/referral-snapshot.entity';
export { MediationCaseEntity } from './lib/entities/mediation-case.entity';
export { CaseMediatorEntity, type CaseMediatorStatus } from './lib/entities/case-mediator.entity';
export { SessionEntity } from './lib/entities/session.entity';
export {
  ParticipantRecordEntity,
  type ParticipantRecordKind,
  type RecordDetails,
} from './lib/entities/participant-record.entity';
export { CaseNoteEntity } from './lib/entities/case-note.entity';
export { DisclosureEntity } from './lib/entities/disclosure.entity';
export { ReminderDeliveryEntity } from './lib/entities/reminder-delivery.entity';
export { CalendarFeedEntity } from './lib/entities/calendar-feed.entity';
export { ContactConfirmationEntity } from './lib/entities/contact-confirmation.entity';
export {
  PracticeRecordEntity,
  PracticeThresholdsEntity,
  type PracticeRecordTypeColumn,
} from './lib/entities/practice-record.entity';
export { JurisdictionSettingEntity } from './lib/entities/jurisdiction-setting.entity';
