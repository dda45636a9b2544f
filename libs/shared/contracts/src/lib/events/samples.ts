/**
 * One valid sample of every event type, keyed by type, all about one referral's path (same
 * office, partner, case, participants), built and validated with buildEvent. For tests of any
 * service: deep-frozen, so take `sampleEvent(type)` (a fresh copy) to change one.
 * Ciphertexts are well-formed but not real encryptions; the data key id is SAMPLE_IDS.dataKeyId.
 */
import { buildEvent } from '../event-factory';
import { systemActor, type Actor } from '../roles';
import { AuditRead } from './access/audit-read.event';
import { PersonalDataRead } from './access/personal-data-read.event';
import { MatchComputed } from './matching/match-computed.event';
import { OfferAccepted } from './matching/offer-accepted.event';
import { OfferDeclined } from './matching/offer-declined.event';
import { OfferExpired } from './matching/offer-expired.event';
import { OfferMade } from './matching/offer-made.event';
import { OfferWithdrawn } from './matching/offer-withdrawn.event';
import { PartnerRegistered } from './matching/partner-registered.event';
import { PartnerUpdated } from './matching/partner-updated.event';
import { ReferralUnmatched } from './matching/referral-unmatched.event';
import { AgreementRecorded } from './outcome/agreement-recorded.event';
import { CaseCompleted } from './outcome/case-completed.event';
import { CaseReturned } from './outcome/case-returned.event';
import { FollowUpDue } from './outcome/follow-up-due.event';
import { FollowUpRecorded } from './outcome/follow-up-recorded.event';
import { HarmedPartyInformed } from './outcome/harmed-party-informed.event';
import { TermAmended } from './outcome/term-amended.event';
import { TermFulfilled } from './outcome/term-fulfilled.event';
import { TermOverdue } from './outcome/term-overdue.event';
import { TermProgressRecorded } from './outcome/term-progress-recorded.event';
import { OfficeRegistered } from './referral/office-registered.event';
import { OfficeUpdated } from './referral/office-updated.event';
import { JurisdictionSettingsChanged } from './referral/jurisdiction-settings-changed.event';
import { OfficeStaffMemberAdded } from './referral/office-staff-member-added.event';
import { OfficeStaffTrainingRecorded } from './referral/office-staff-training-recorded.event';
import { ReferralDeadlineAtRisk } from './referral/referral-deadline-at-risk.event';
import { ReferralDeadlineExtended } from './referral/referral-deadline-extended.event';
import { ReferralPersonalDataErased } from './referral/referral-personal-data-erased.event';
import { ReferralReviewed } from './referral/referral-reviewed.event';
import { ReferralScreened } from './referral/referral-screened.event';
import { ReferralSubmitted } from './referral/referral-submitted.event';
import { ReferralWithdrawn } from './referral/referral-withdrawn.event';
import { AcknowledgementRecorded } from './scheduling/acknowledgement-recorded.event';
import { ContactConfirmed } from './scheduling/contact-confirmed.event';
import { CaseConcluded } from './scheduling/case-concluded.event';
import { CaseOnHold } from './scheduling/case-on-hold.event';
import { CaseOpened } from './scheduling/case-opened.event';
import { ConsentRecorded } from './scheduling/consent-recorded.event';
import { DisclosureRecorded } from './scheduling/disclosure-recorded.event';
import { InformationRecorded } from './scheduling/information-recorded.event';
import { MediatorDeclared } from './scheduling/mediator-declared.event';
import { MediatorProposed } from './scheduling/mediator-proposed.event';
import { MediatorRegistered } from './scheduling/mediator-registered.event';
import { MediatorUpdated } from './scheduling/mediator-updated.event';
import { MediatorPracticeRecorded } from './scheduling/mediator-practice-recorded.event';
import { MediatorPracticeVerified } from './scheduling/mediator-practice-verified.event';
import { PracticeThresholdsSet } from './scheduling/practice-thresholds-set.event';
import { ReminderSent } from './scheduling/reminder-sent.event';
import { RiskAssessed } from './scheduling/risk-assessed.event';
import { SessionCancelled } from './scheduling/session-cancelled.event';
import { SessionCompleted } from './scheduling/session-completed.event';
import { SessionRescheduled } from './scheduling/session-rescheduled.event';
import { SessionScheduled } from './scheduling/session-scheduled.event';

const id = (n: number) => `01950000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

/** The ids the samples share, so a test can link them (the case of the referral, ...). */
export const SAMPLE_IDS = Object.freeze({
  officeId: id(1),
  referralId: id(2),
  dataKeyId: id(3),
  harmedId: id(4),
  responsibleId: id(5),
  partnerId: id(6),
  matchId: id(7),
  offerId: id(8),
  caseId: id(9),
  sessionId: id(10),
  agreementId: id(11),
  termId: id(12),
  followUpId: id(13),
  correlationId: id(14),
  otherPartnerId: id(15),
  practiceRecordId: id(16),
  staffMemberId: id(17),
  staffTrainingId: id(18),
  mediatorId: 'mediator-sub-1',
});

/** A well-formed ciphertext under `keyId` (not a real encryption): `pii:1:<keyId>:<base64url>`. */
export function sampleCiphertext(label: string, keyId: string = SAMPLE_IDS.dataKeyId): string {
  return `pii:1:${keyId}:${Buffer.concat([Buffer.alloc(28), Buffer.from(label)]).toString('base64url')}`;
}

const S = SAMPLE_IDS;
const admin: Actor = { sub: 'admin-1', role: 'admin', org: null };
const prosecutor: Actor = { sub: 'prosecutor-1', role: 'prosecutor', org: S.officeId };
const partnerAdmin: Actor = { sub: 'partner-admin-1', role: 'partner_admin', org: S.partnerId };
const mediator: Actor = { sub: S.mediatorId, role: 'mediator', org: S.partnerId };
const auditor: Actor = { sub: 'auditor-1', role: 'auditor', org: null };
const at = (minute: number) => new Date(Date.UTC(2025, 2, 3, 9, minute)).toISOString();
const ofReferral = { referralId: S.referralId, correlationId: S.correlationId, causationId: null } as const;
const ofNoReferral = { referralId: null, correlationId: S.correlationId, causationId: null } as const;
const encryptedContact = (who: string) => ({
  email: sampleCiphertext(`${who}@example.org`),
  phone: sampleCiphertext('+31600000000'),
  safeChannels: ['email' as const, 'sms' as const],
});
const partnerProfile = {
  partnerId: S.partnerId,
  name: 'Herstelbemiddeling Noord',
  jurisdictions: ['NL-NH'],
  offenseCategories: ['property_damage', 'assault'],
  languages: ['nl', 'en'],
  servesMinors: true,
  capacity: 10,
  responseHours: 48,
  specialties: ['youth'],
  active: true,
  contact: { email: 'intake@noord.example' },
};
const office = {
  officeId: S.officeId,
  name: 'North District Prosecutor',
  jurisdictions: ['NL-NH'],
  contact: { email: 'rj@north.example' },
};

const samples = {
  'office.registered': buildEvent(OfficeRegistered, {
    ...ofNoReferral,
    aggregateId: S.officeId,
    actor: admin,
    occurredAt: at(0),
    data: office,
  }),
  'office.updated': buildEvent(OfficeUpdated, {
    ...ofNoReferral,
    aggregateId: S.officeId,
    actor: admin,
    occurredAt: at(1),
    data: { ...office, jurisdictions: ['NL-NH', 'NL-FL'] },
  }),
  'jurisdiction.settings_changed': buildEvent(JurisdictionSettingsChanged, {
    ...ofNoReferral,
    aggregateId: 'NL-NH',
    actor: admin,
    occurredAt: at(1),
    data: { jurisdiction: 'NL-NH', version: 2, timeZone: 'Europe/Amsterdam' },
  }),
  'office.staff_member_added': buildEvent(OfficeStaffMemberAdded, {
    ...ofNoReferral,
    aggregateId: S.officeId,
    actor: prosecutor,
    occurredAt: at(2),
    data: { officeId: S.officeId, staffMemberId: S.staffMemberId },
  }),
  'office.staff_training_recorded': buildEvent(OfficeStaffTrainingRecorded, {
    ...ofNoReferral,
    aggregateId: S.officeId,
    actor: prosecutor,
    occurredAt: at(3),
    data: {
      officeId: S.officeId,
      staffMemberId: S.staffMemberId,
      trainingId: S.staffTrainingId,
      completedOn: '2025-02-14',
      hours: 6,
    },
  }),
  'referral.submitted': buildEvent(ReferralSubmitted, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: prosecutor,
    occurredAt: at(2),
    data: {
      referralId: S.referralId,
      officeId: S.officeId,
      source: 'prosecutor',
      caseNumber: sampleCiphertext('PARKET-2025-0042'),
      jurisdiction: 'NL-NH',
      offense: { code: 'SR-350', category: 'property_damage', severity: 'misdemeanor' },
      incidentDate: '2025-01-15',
      stage: 'pre_trial',
      protectiveOrder: false,
      reportBackBy: '2025-09-30',
      participants: [
        {
          participantId: S.harmedId,
          role: 'harmed',
          fullName: sampleCiphertext('Anna de Vries'),
          dateOfBirth: sampleCiphertext('1980-04-02'),
          minor: false,
          contact: encryptedContact('anna'),
          preferredLanguage: 'nl',
          interpreter: false,
          hasAccessibilityNeeds: true,
        },
        {
          participantId: S.responsibleId,
          role: 'responsible',
          fullName: sampleCiphertext('Tom Jansen'),
          minor: true,
          guardian: { fullName: sampleCiphertext('Els Jansen'), contact: encryptedContact('els') },
          contact: { phone: sampleCiphertext('+31600000001'), safeChannels: ['phone'] },
          preferredLanguage: 'en',
          interpreter: true,
          hasAccessibilityNeeds: false,
          counsel: {
            fullName: sampleCiphertext('Mr. P. Bakker'),
            contact: { email: sampleCiphertext('bakker@law.example'), safeChannels: ['email'] },
          },
        },
      ],
      languages: ['nl', 'en'],
      hasMinor: true,
      dataKeyId: S.dataKeyId,
    },
  }),
  'referral.screened': buildEvent(ReferralScreened, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: systemActor('referral-intake'),
    occurredAt: at(2),
    data: {
      outcome: 'needs_review',
      reasons: [{ rule: 'review_offense_category', detail: 'property_damage' }],
      policyVersion: 3,
      policyJurisdiction: 'NL-NH',
      excludedCategoryOverride: false,
    },
  }),
  'referral.reviewed': buildEvent(ReferralReviewed, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: prosecutor,
    occurredAt: at(3),
    data: {
      decision: 'eligible',
      reviewerRole: 'prosecutor',
      overrodeExclusion: false,
      requiresSpecialist: false,
      reasonRecorded: true,
    },
  }),
  'referral.withdrawn': buildEvent(ReferralWithdrawn, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: prosecutor,
    occurredAt: at(59),
    data: { reasonCode: 'resolved_otherwise' },
  }),
  'referral.deadline_extended': buildEvent(ReferralDeadlineExtended, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: prosecutor,
    occurredAt: at(40),
    data: { previousReportBackBy: '2025-09-30', reportBackBy: '2025-12-31' },
  }),
  'referral.deadline_at_risk': buildEvent(ReferralDeadlineAtRisk, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: systemActor('referral-intake'),
    occurredAt: at(41),
    data: { reportBackBy: '2025-12-31', daysLeft: 14 },
  }),
  'referral.personal_data_erased': buildEvent(ReferralPersonalDataErased, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: admin,
    occurredAt: at(59),
    data: { dataKeyId: S.dataKeyId, erasedAt: at(59) },
  }),

  'partner.registered': buildEvent(PartnerRegistered, {
    ...ofNoReferral,
    aggregateId: S.partnerId,
    actor: admin,
    occurredAt: at(0),
    data: partnerProfile,
  }),
  'partner.updated': buildEvent(PartnerUpdated, {
    ...ofNoReferral,
    aggregateId: S.partnerId,
    actor: partnerAdmin,
    occurredAt: at(1),
    data: { ...partnerProfile, capacity: 12, responseHours: 0.5 },
  }),
  'match.computed': buildEvent(MatchComputed, {
    ...ofReferral,
    aggregateId: S.matchId,
    actor: systemActor('partner-matching'),
    occurredAt: at(4),
    data: {
      matchId: S.matchId,
      weightsVersion: 1,
      candidates: [{ partnerId: S.partnerId, score: 0.87, reasons: ['language_match', 'low_load'] }],
      excluded: [{ partnerId: S.otherPartnerId, reasons: ['jurisdiction'] }],
    },
  }),
  'offer.made': buildEvent(OfferMade, {
    ...ofReferral,
    aggregateId: S.offerId,
    actor: systemActor('partner-matching'),
    occurredAt: at(4),
    data: {
      offerId: S.offerId,
      matchId: S.matchId,
      partnerId: S.partnerId,
      rank: 1,
      expiresAt: '2025-03-05T09:04:00.000Z',
    },
  }),
  'offer.accepted': buildEvent(OfferAccepted, {
    ...ofReferral,
    aggregateId: S.offerId,
    actor: partnerAdmin,
    occurredAt: at(5),
    data: { offerId: S.offerId, partnerId: S.partnerId },
  }),
  'offer.declined': buildEvent(OfferDeclined, {
    ...ofReferral,
    aggregateId: S.offerId,
    actor: partnerAdmin,
    occurredAt: at(5),
    data: { offerId: S.offerId, partnerId: S.partnerId, reasonCode: 'no_capacity' },
  }),
  'offer.expired': buildEvent(OfferExpired, {
    ...ofReferral,
    aggregateId: S.offerId,
    actor: systemActor('partner-matching'),
    occurredAt: at(5),
    data: { offerId: S.offerId, partnerId: S.partnerId },
  }),
  'offer.withdrawn': buildEvent(OfferWithdrawn, {
    ...ofReferral,
    aggregateId: S.offerId,
    actor: systemActor('partner-matching'),
    occurredAt: at(59),
    data: { offerId: S.offerId, partnerId: S.partnerId },
  }),
  'referral.unmatched': buildEvent(ReferralUnmatched, {
    ...ofReferral,
    aggregateId: S.matchId,
    actor: systemActor('partner-matching'),
    occurredAt: at(6),
    data: { matchId: S.matchId, offersMade: 3 },
  }),

  'case.opened': buildEvent(CaseOpened, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: systemActor('mediation-scheduling'),
    occurredAt: at(6),
    data: { caseId: S.caseId, partnerId: S.partnerId, offerId: S.offerId },
  }),
  'mediator.registered': buildEvent(MediatorRegistered, {
    ...ofNoReferral,
    aggregateId: S.mediatorId,
    actor: partnerAdmin,
    occurredAt: at(1),
    data: {
      mediatorId: S.mediatorId,
      partnerId: S.partnerId,
      fullName: 'Sam Mediator',
      contact: { email: 'sam@noord.example' },
      specialties: ['youth'],
    },
  }),
  'mediator.updated': buildEvent(MediatorUpdated, {
    ...ofNoReferral,
    aggregateId: S.mediatorId,
    actor: partnerAdmin,
    occurredAt: at(2),
    data: {
      mediatorId: S.mediatorId,
      partnerId: S.partnerId,
      fullName: 'Sam Mediator',
      contact: { email: 'sam@noord.example' },
      specialties: ['youth'],
      active: false,
    },
  }),
  'mediator.proposed': buildEvent(MediatorProposed, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: partnerAdmin,
    occurredAt: at(7),
    data: { caseId: S.caseId, mediatorId: S.mediatorId },
  }),
  'mediator.declared': buildEvent(MediatorDeclared, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(8),
    data: { caseId: S.caseId, mediatorId: S.mediatorId, conflictOfInterest: false },
  }),
  'information.recorded': buildEvent(InformationRecorded, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(9),
    data: { caseId: S.caseId, participantId: S.harmedId, informationVersion: 'adult-v3', language: 'nl' },
  }),
  'risk.assessed': buildEvent(RiskAssessed, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(10),
    data: { caseId: S.caseId, participantId: S.harmedId, outcome: 'proceed' },
  }),
  'acknowledgement.recorded': buildEvent(AcknowledgementRecorded, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(11),
    data: { caseId: S.caseId, participantId: S.responsibleId },
  }),
  'contact.confirmed': buildEvent(ContactConfirmed, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(11),
    data: { caseId: S.caseId, participantId: S.harmedId },
  }),
  'consent.recorded': buildEvent(ConsentRecorded, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(12),
    data: {
      caseId: S.caseId,
      participantId: S.responsibleId,
      purpose: 'participation',
      decision: 'given',
      byGuardian: true,
    },
  }),
  'session.scheduled': buildEvent(SessionScheduled, {
    ...ofReferral,
    aggregateId: S.sessionId,
    actor: mediator,
    occurredAt: at(13),
    data: {
      sessionId: S.sessionId,
      caseId: S.caseId,
      kind: 'joint_dialogue',
      startsAt: '2025-03-20T14:00:00.000Z',
      endsAt: '2025-03-20T16:00:00.000Z',
      participantIds: [S.harmedId, S.responsibleId],
      mediatorIds: [S.mediatorId],
    },
  }),
  'session.rescheduled': buildEvent(SessionRescheduled, {
    ...ofReferral,
    aggregateId: S.sessionId,
    actor: mediator,
    occurredAt: at(14),
    data: {
      sessionId: S.sessionId,
      caseId: S.caseId,
      startsAt: '2025-03-21T14:00:00.000Z',
      endsAt: '2025-03-21T16:00:00.000Z',
    },
  }),
  'session.cancelled': buildEvent(SessionCancelled, {
    ...ofReferral,
    aggregateId: S.sessionId,
    actor: mediator,
    occurredAt: at(15),
    data: { sessionId: S.sessionId, caseId: S.caseId, reasonCode: 'mediator_cancelled' },
  }),
  'session.completed': buildEvent(SessionCompleted, {
    ...ofReferral,
    aggregateId: S.sessionId,
    actor: mediator,
    occurredAt: at(16),
    data: {
      sessionId: S.sessionId,
      caseId: S.caseId,
      kind: 'joint_dialogue',
      attendance: [
        { participantId: S.harmedId, present: true },
        { participantId: S.responsibleId, present: true },
      ],
      heldAt: '2025-03-21T14:00:00.000Z',
      recordedLate: false,
    },
  }),
  'reminder.sent': buildEvent(ReminderSent, {
    ...ofReferral,
    aggregateId: S.sessionId,
    actor: systemActor('mediation-scheduling'),
    occurredAt: at(17),
    data: {
      sessionId: S.sessionId,
      caseId: S.caseId,
      participantId: S.harmedId,
      delivered: true,
      channel: 'email',
      offsetMinutes: 1440,
    },
  }),
  'disclosure.recorded': buildEvent(DisclosureRecorded, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(18),
    data: { caseId: S.caseId, legalBasis: 'imminent_harm', recipientKind: 'police' },
  }),
  'case.on_hold': buildEvent(CaseOnHold, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(19),
    data: { caseId: S.caseId, reasonCode: 'participation_withdrawn' },
  }),
  'case.concluded': buildEvent(CaseConcluded, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(20),
    data: { caseId: S.caseId, agreementReached: true },
  }),
  'mediator.practice_recorded': buildEvent(MediatorPracticeRecorded, {
    ...ofNoReferral,
    aggregateId: S.mediatorId,
    actor: partnerAdmin,
    occurredAt: at(1),
    data: {
      recordId: S.practiceRecordId,
      mediatorId: S.mediatorId,
      partnerId: S.partnerId,
      recordType: 'credential',
      kind: 'specialist_dv_sv',
      offenseCategories: ['domestic_violence'],
      expiresOn: '2027-03-31',
    },
  }),
  'mediator.practice_verified': buildEvent(MediatorPracticeVerified, {
    ...ofNoReferral,
    aggregateId: S.mediatorId,
    actor: admin,
    occurredAt: at(2),
    data: {
      recordId: S.practiceRecordId,
      mediatorId: S.mediatorId,
      partnerId: S.partnerId,
      recordType: 'credential',
      kind: 'specialist_dv_sv',
      offenseCategories: ['domestic_violence'],
      expiresOn: '2027-03-31',
    },
  }),
  'practice_thresholds.set': buildEvent(PracticeThresholdsSet, {
    ...ofNoReferral,
    aggregateId: 'NL-NH',
    actor: admin,
    occurredAt: at(0),
    data: {
      jurisdiction: 'NL-NH',
      version: 1,
      minBasicMediationHours: 30,
      minRestorativeJusticeHours: 1,
      supervisionIntervalDays: 84,
      supervisionGraceDays: 14,
      caseloadCap: 12,
      coFacilitatedCasesBeforeLead: 3,
      timeZone: 'Europe/Amsterdam',
    },
  }),

  'agreement.recorded': buildEvent(AgreementRecorded, {
    ...ofReferral,
    aggregateId: S.agreementId,
    actor: mediator,
    occurredAt: at(21),
    data: {
      agreementId: S.agreementId,
      caseId: S.caseId,
      terms: [
        {
          termId: S.termId,
          kind: 'restitution',
          dueBy: '2025-06-30',
          amount: { amount: '450.00', currency: 'EUR' },
          instalments: 3,
          recipient: 'harmed',
        },
        { termId: id(16), kind: 'community_service', dueBy: '2025-07-31', hours: 20 },
        { termId: id(17), kind: 'apology_letter', dueBy: '2025-04-15' },
      ],
      consentedBy: [S.harmedId, S.responsibleId],
    },
  }),
  'term.amended': buildEvent(TermAmended, {
    ...ofReferral,
    aggregateId: S.agreementId,
    actor: mediator,
    occurredAt: at(22),
    data: {
      agreementId: S.agreementId,
      termId: S.termId,
      dueBy: '2025-08-31',
      consentedBy: [S.harmedId, S.responsibleId],
    },
  }),
  'term.progress_recorded': buildEvent(TermProgressRecorded, {
    ...ofReferral,
    aggregateId: S.agreementId,
    actor: mediator,
    occurredAt: at(23),
    data: {
      agreementId: S.agreementId,
      termId: S.termId,
      amount: { amount: '150.00', currency: 'EUR' },
      totalAmount: { amount: '300.00', currency: 'EUR' },
    },
  }),
  'term.fulfilled': buildEvent(TermFulfilled, {
    ...ofReferral,
    aggregateId: S.agreementId,
    actor: mediator,
    occurredAt: at(24),
    data: { agreementId: S.agreementId, termId: S.termId },
  }),
  'term.overdue': buildEvent(TermOverdue, {
    ...ofReferral,
    aggregateId: S.agreementId,
    actor: systemActor('outcome-tracking'),
    occurredAt: at(25),
    data: { agreementId: S.agreementId, termId: id(16), dueBy: '2025-07-31' },
  }),
  'case.completed': buildEvent(CaseCompleted, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(26),
    data: { caseId: S.caseId, agreementId: S.agreementId, completedAt: at(26) },
  }),
  'case.returned': buildEvent(CaseReturned, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: mediator,
    occurredAt: at(27),
    data: { caseId: S.caseId, reasonCode: 'agreement_not_completed' },
  }),
  'harmed_party.informed': buildEvent(HarmedPartyInformed, {
    ...ofReferral,
    aggregateId: S.caseId,
    actor: systemActor('outcome-tracking'),
    occurredAt: at(28),
    data: { caseId: S.caseId, participantId: S.harmedId, result: 'completed', channel: 'email' },
  }),
  'follow_up.due': buildEvent(FollowUpDue, {
    ...ofReferral,
    aggregateId: S.followUpId,
    actor: systemActor('outcome-tracking'),
    occurredAt: at(29),
    data: { followUpId: S.followUpId, caseId: S.caseId, monthsAfter: 6, dueOn: '2025-09-03' },
  }),
  'follow_up.recorded': buildEvent(FollowUpRecorded, {
    ...ofReferral,
    aggregateId: S.followUpId,
    actor: prosecutor,
    occurredAt: at(30),
    data: { followUpId: S.followUpId, caseId: S.caseId, monthsAfter: 6, reoffended: false },
  }),

  'personal_data.read': buildEvent(PersonalDataRead, {
    ...ofReferral,
    aggregateId: S.referralId,
    actor: mediator,
    occurredAt: at(31),
    data: {
      referralId: S.referralId,
      reader: mediator,
      endpoint: 'GET /api/cases/{id}',
      fields: ['participants.fullName', 'participants.contact'],
    },
  }),
  'audit.read': buildEvent(AuditRead, {
    ...ofNoReferral,
    aggregateId: auditor.sub,
    actor: auditor,
    occurredAt: at(32),
    data: {
      reader: auditor,
      endpoint: 'GET /api/audit/referrals/{id}/timeline',
      filters: [],
      aggregateId: S.referralId,
      resultCount: 42,
    },
  }),
};

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export type SampleEvents = typeof samples;
export type SampleEventType = keyof SampleEvents;

/** A valid sample of every event type of the catalogue, keyed by type. Deep-frozen. */
export const SAMPLE_EVENTS: SampleEvents = deepFreeze(samples);

/** A fresh, mutable copy of one sample, to change a field in a test. */
export function sampleEvent<K extends SampleEventType>(type: K): SampleEvents[K] {
  return structuredClone(SAMPLE_EVENTS[type]) as SampleEvents[K];
}
