export {
  findMediator,
  findParticipant,
  isAssigned,
  type CaseState,
  type ConsentsByPurpose,
  type MediatorState,
  type ParticipantState,
  type SessionState,
  type SessionStatus,
} from './lib/case-state';
export { caseStatusForbids } from './lib/case-status-rules';
export {
  assertDialogueAllowed,
  dialogueGateProblems,
  participantProblems,
  type DialogueKind,
} from './lib/dialogue-gate';
export { assertConsentAllowed, consentEffect, hasEffectiveConsent, type ConsentEffect } from './lib/consent-rules';
export { riskEffect, type RiskEffect } from './lib/risk-rules';
export {
  DEFAULT_RISK_REASSESSMENT_DAYS,
  riskReassessmentDue,
  type RiskReassessmentReason,
} from './lib/risk-reassessment';
export { assertSessionAllowed, type SessionRequest } from './lib/session-rules';
export { assertMediatorMayAct, assertMediatorMayDeclare } from './lib/mediator-rules';
export { assertConclusionAllowed, type Concluder, type ConclusionRequest } from './lib/conclusion-rules';
export { reminderJobId, reminderTimes, type PlannedReminder } from './lib/reminders';
export { EMPTY_CASE, caseReducer, replayCase, type CaseEvent } from './lib/case.reducer';
export { assertAcknowledgementAllowed, assertParticipantRecordable, holdNeeded } from './lib/preparation-rules';
export { MAX_MEDIATORS_PER_CASE, assertMediatorMayBeProposed } from './lib/proposal-rules';
export {
  ALL_SESSION_KINDS,
  assertCompletionAllowed,
  assertSessionChangeable,
  sessionsToCancel,
  type CancelScope,
} from './lib/session-lifecycle-rules';
export {
  caseStandingOf,
  participantDisclosureFor,
  type CaseStanding,
  type CaseViewer,
  type ParticipantDisclosure,
} from './lib/case-access';
export { parseReminderOffsets } from './lib/reminder-offsets';
export { MEDIATOR_SUB_PATTERN, MEDIATOR_SUB_RULE, isValidMediatorSub } from './lib/mediator-sub';
export {
  dialogueGateChecklist,
  type DialogueGateChecklist,
  type GateItem,
  type ParticipantChecklist,
} from './lib/dialogue-gate-checklist';
export { VENUE_TYPES, caseReference, feedEventOf, type FeedEvent, type VenueType } from './lib/session-venue';
export { assertContactConsistent, type ContactUpdate } from './lib/contact-rules';
export {
  BACKGROUND_CHECK_KINDS,
  CREDENTIAL_KINDS,
  DEFAULT_PRACTICE_THRESHOLDS,
  EXPIRY_REMINDER_DAYS,
  PRACTICE_KINDS,
  PRACTICE_RECORD_TYPES,
  SUPERVISION_REMINDER_DAYS,
  VERIFIED_RECORD_TYPES,
  addDays,
  assertPractitionerMayBeProposed,
  countsOn,
  daysBetween,
  holdsSpecialistCredential,
  isKnownTimeZone,
  localDay,
  mayLead,
  needsVerification,
  practiceReminders,
  practitionerProblems,
  qualifyingPractice,
  recordDateProblems,
  supervisionClockStart,
  supervisionStanding,
  thresholdsFor,
  validCredentials,
  type BackgroundCheckFact,
  type BackgroundCheckKind,
  type CredentialFact,
  type CredentialKind,
  type ExpiringRecord,
  type LocalDate,
  type PracticeKind,
  type PracticeRecordCall,
  type PracticeRecordType,
  type PracticeReminder,
  type PracticeThresholds,
  type PractitionerFacts,
  type PractitionerProblem,
  type ProposalContext,
  type RecordDateProblem,
  type RecordDates,
  type SupervisionStanding,
  type SupervisionState,
} from './lib/practitioners';
export { DEFAULT_TIME_ZONE, participantTimeZone, sessionNeedsInterpreter } from './lib/participant-messages';
