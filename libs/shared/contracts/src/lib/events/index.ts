import type { EventDefinition } from '../define-event';
import { OfficeRegistered } from './referral/office-registered.event';
import { OfficeUpdated } from './referral/office-updated.event';
import { JurisdictionSettingsChanged } from './referral/jurisdiction-settings-changed.event';
import { OfficeStaffMemberAdded } from './referral/office-staff-member-added.event';
import { OfficeStaffTrainingRecorded } from './referral/office-staff-training-recorded.event';
import { ReferralSubmitted } from './referral/referral-submitted.event';
import { ReferralScreened } from './referral/referral-screened.event';
import { ReferralReviewed } from './referral/referral-reviewed.event';
import { ReferralWithdrawn } from './referral/referral-withdrawn.event';
import { ReferralDeadlineExtended } from './referral/referral-deadline-extended.event';
import { ReferralDeadlineAtRisk } from './referral/referral-deadline-at-risk.event';
import { ReferralPersonalDataErased } from './referral/referral-personal-data-erased.event';
import { PartnerRegistered } from './matching/partner-registered.event';
import { PartnerUpdated } from './matching/partner-updated.event';
import { MatchComputed } from './matching/match-computed.event';
import { OfferMade } from './matching/offer-made.event';
import { OfferAccepted } from './matching/offer-accepted.event';
import { OfferDeclined } from './matching/offer-declined.event';
import { OfferExpired } from './matching/offer-expired.event';
import { OfferWithdrawn } from './matching/offer-withdrawn.event';
import { ReferralUnmatched } from './matching/referral-unmatched.event';
import { CaseOpened } from './scheduling/case-opened.event';
import { MediatorRegistered } from './scheduling/mediator-registered.event';
import { MediatorUpdated } from './scheduling/mediator-updated.event';
import { MediatorPracticeRecorded } from './scheduling/mediator-practice-recorded.event';
import { MediatorPracticeVerified } from './scheduling/mediator-practice-verified.event';
import { PracticeThresholdsSet } from './scheduling/practice-thresholds-set.event';
import { MediatorProposed } from './scheduling/mediator-proposed.event';
import { MediatorDeclared } from './scheduling/mediator-declared.event';
import { InformationRecorded } from './scheduling/information-recorded.event';
import { RiskAssessed } from './scheduling/risk-assessed.event';
import { AcknowledgementRecorded } from './scheduling/acknowledgement-recorded.event';
import { ContactConfirmed } from './scheduling/contact-confirmed.event';
import { ConsentRecorded } from './scheduling/consent-recorded.event';
import { SessionScheduled } from './scheduling/session-scheduled.event';
import { SessionRescheduled } from './scheduling/session-rescheduled.event';
import { SessionCancelled } from './scheduling/session-cancelled.event';
import { SessionCompleted } from './scheduling/session-completed.event';
import { ReminderSent } from './scheduling/reminder-sent.event';
import { DisclosureRecorded } from './scheduling/disclosure-recorded.event';
import { CaseOnHold } from './scheduling/case-on-hold.event';
import { CaseConcluded } from './scheduling/case-concluded.event';
import { AgreementRecorded } from './outcome/agreement-recorded.event';
import { TermAmended } from './outcome/term-amended.event';
import { TermProgressRecorded } from './outcome/term-progress-recorded.event';
import { TermFulfilled } from './outcome/term-fulfilled.event';
import { TermOverdue } from './outcome/term-overdue.event';
import { CaseCompleted } from './outcome/case-completed.event';
import { CaseReturned } from './outcome/case-returned.event';
import { HarmedPartyInformed } from './outcome/harmed-party-informed.event';
import { FollowUpDue } from './outcome/follow-up-due.event';
import { FollowUpRecorded } from './outcome/follow-up-recorded.event';
import { PersonalDataRead } from './access/personal-data-read.event';
import { AuditRead } from './access/audit-read.event';

export * from './common';
export * from './vocabulary';
export * from './referral/office-registered.event';
export * from './referral/office-updated.event';
export * from './referral/jurisdiction-settings-changed.event';
export * from './referral/office-staff-member-added.event';
export * from './referral/office-staff-training-recorded.event';
export * from './referral/referral-submitted.event';
export * from './referral/referral-screened.event';
export * from './referral/referral-reviewed.event';
export * from './referral/referral-withdrawn.event';
export * from './referral/referral-deadline-extended.event';
export * from './referral/referral-deadline-at-risk.event';
export * from './referral/referral-personal-data-erased.event';
export * from './matching/partner-registered.event';
export * from './matching/partner-updated.event';
export * from './matching/match-computed.event';
export * from './matching/offer-made.event';
export * from './matching/offer-accepted.event';
export * from './matching/offer-declined.event';
export * from './matching/offer-expired.event';
export * from './matching/offer-withdrawn.event';
export * from './matching/referral-unmatched.event';
export * from './scheduling/case-opened.event';
export * from './scheduling/mediator-registered.event';
export * from './scheduling/mediator-updated.event';
export * from './scheduling/mediator-practice-recorded.event';
export * from './scheduling/mediator-practice-verified.event';
export * from './scheduling/practice-thresholds-set.event';
export * from './scheduling/mediator-proposed.event';
export * from './scheduling/mediator-declared.event';
export * from './scheduling/information-recorded.event';
export * from './scheduling/risk-assessed.event';
export * from './scheduling/acknowledgement-recorded.event';
export * from './scheduling/contact-confirmed.event';
export * from './scheduling/consent-recorded.event';
export * from './scheduling/session-scheduled.event';
export * from './scheduling/session-rescheduled.event';
export * from './scheduling/session-cancelled.event';
export * from './scheduling/session-completed.event';
export * from './scheduling/reminder-sent.event';
export * from './scheduling/disclosure-recorded.event';
export * from './scheduling/case-on-hold.event';
export * from './scheduling/case-concluded.event';
export * from './outcome/agreement-recorded.event';
export * from './outcome/term-amended.event';
export * from './outcome/term-progress-recorded.event';
export * from './outcome/term-fulfilled.event';
export * from './outcome/term-overdue.event';
export * from './outcome/case-completed.event';
export * from './outcome/case-returned.event';
export * from './outcome/harmed-party-informed.event';
export * from './outcome/follow-up-due.event';
export * from './outcome/follow-up-recorded.event';
export * from './access/personal-data-read.event';
export * from './access/audit-read.event';

/** The whole catalogue, in api.md's order (topic by topic, as its event table lists them). */
export const EVENT_DEFINITIONS: readonly EventDefinition[] = [
  OfficeRegistered,
  OfficeUpdated,
  ReferralSubmitted,
  ReferralScreened,
  ReferralReviewed,
  ReferralWithdrawn,
  ReferralDeadlineExtended,
  ReferralDeadlineAtRisk,
  ReferralPersonalDataErased,
  OfficeStaffMemberAdded,
  OfficeStaffTrainingRecorded,
  JurisdictionSettingsChanged,
  PartnerRegistered,
  PartnerUpdated,
  MatchComputed,
  OfferMade,
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferWithdrawn,
  ReferralUnmatched,
  CaseOpened,
  MediatorRegistered,
  MediatorUpdated,
  MediatorProposed,
  MediatorDeclared,
  InformationRecorded,
  RiskAssessed,
  AcknowledgementRecorded,
  ConsentRecorded,
  SessionScheduled,
  SessionRescheduled,
  SessionCancelled,
  SessionCompleted,
  ReminderSent,
  DisclosureRecorded,
  ContactConfirmed,
  CaseOnHold,
  CaseConcluded,
  MediatorPracticeRecorded,
  MediatorPracticeVerified,
  PracticeThresholdsSet,
  AgreementRecorded,
  TermAmended,
  TermProgressRecorded,
  TermFulfilled,
  TermOverdue,
  CaseCompleted,
  CaseReturned,
  HarmedPartyInformed,
  FollowUpDue,
  FollowUpRecorded,
  PersonalDataRead,
  AuditRead,
];
