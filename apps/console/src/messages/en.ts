import type {
  CaseHoldReasonCode,
  CaseStatus,
  ConsentDecision,
  ConsentPurpose,
  DisclosureLegalBasis,
  DisclosureRecipientKind,
  MediatorConclusionReasonCode,
  RiskOutcome,
  SessionCancelReasonCode,
  SessionKind,
  DeclineReasonCode,
  OfferStatus,
  TermKind,
  TermStatus,
  OffenseSeverity,
  PartyRole,
  ReferralSource,
  ReferralStatus,
  ReturnReasonCode,
  Role,
  ScreeningOutcome,
  ScreeningRule,
  Stage,
  WithdrawReasonCode,
} from '@rj/shared/contracts';

/**
 * Every code the console shows, in plain English. One catalogue, typed against the platform's
 * vocabularies so a new status or reason code fails the build until it has its sentence. A
 * translation is another object of the same type.
 */
export interface Catalogue {
  role: Record<Role, string>;
  referralStatus: Record<ReferralStatus, string>;
  /** What happens next, for the person who referred the case. */
  referralNextStep: Record<ReferralStatus, string>;
  screeningOutcome: Record<ScreeningOutcome, string>;
  screeningRule: Record<ScreeningRule, string>;
  source: Record<ReferralSource, string>;
  stage: Record<Stage, string>;
  severity: Record<OffenseSeverity, string>;
  partyRole: Record<PartyRole, string>;
  withdrawReason: Record<WithdrawReasonCode, string>;
  declineReason: Record<DeclineReasonCode, string>;
  returnReason: Record<ReturnReasonCode, string>;
  safeChannel: Record<'email' | 'sms' | 'phone', string>;
  offenseCategory: Record<string, string>;
  offerStatus: Record<OfferStatus, string>;
  termKind: Record<TermKind, string>;
  termStatus: Record<TermStatus, string>;
  // The mediators' pages.
  caseStatus: Record<CaseStatus, string>;
  holdReason: Record<CaseHoldReasonCode, string>;
  riskOutcome: Record<RiskOutcome, string>;
  consentPurpose: Record<ConsentPurpose, string>;
  consentDecision: Record<ConsentDecision, string>;
  sessionKind: Record<SessionKind, string>;
  sessionStatus: Record<'scheduled' | 'cancelled' | 'completed', string>;
  sessionCancelReason: Record<SessionCancelReasonCode, string>;
  venueType: Record<'programme_office' | 'community_venue' | 'video_call' | 'home_visit' | 'other', string>;
  gateItem: Record<
    | 'information'
    | 'participation_consent'
    | 'guardian_consent'
    | 'risk_assessment'
    | 'preparation'
    | 'acknowledgement',
    string
  >;
  gateCondition: Record<string, string>;
  /** Why a feedback survey cannot be sent to a participant yet (outcome-tracking's release rules). */
  feedbackBlock: Record<string, string>;
  /** Why a participant's risk assessment is due again (the dialogue gate's advisory). */
  riskReassessment: Record<'disclosure_since_assessment' | 'assessment_older_than_window', string>;
  conclusionReason: Record<MediatorConclusionReasonCode, string>;
  disclosureBasis: Record<DisclosureLegalBasis, string>;
  disclosureRecipient: Record<DisclosureRecipientKind, string>;
  /** Each ledger event in words, for auditors (a unit test holds it to the event catalogue). */
  eventType: Record<string, string>;
  /** What the auditor's home lists as exceptions. */
  ledgerException: Record<'disclosure' | 'screening_override' | 'erasure' | 'back_dated_session', string>;
  verificationStatus: Record<'running' | 'passed' | 'failed', string>;
  // Webhook endpoints of offices' and partners' case-management systems.
  webhookEndpointStatus: Record<'pending_approval' | 'active' | 'disabled', string>;
  webhookDeliveryStatus: Record<'pending' | 'delivered' | 'failed' | 'dropped', string>;
  /** What an endpoint can subscribe to: offices' referral events, partners' offer events. */
  webhookEventType: Record<string, string>;
  webhookDisabledReason: Record<string, string>;
  // Equity of access: the attributes compared one at a time, the stages, the rows' codes.
  equityAttribute: Record<EquityAttribute, string>;
  equityStage: Record<'referred' | 'screenedEligible' | 'offered' | 'accepted' | 'dialogueHeld' | 'completed', string>;
  /** Values of the attributes that are the platform's own codes (languages are named by Intl). */
  equityValue: Record<string, string>;
}

type EquityAttribute =
  | 'preferredLanguage'
  | 'interpreter'
  | 'ageBand'
  | 'role'
  | 'offenceGroup'
  | 'referralSource'
  | 'jurisdiction'
  | 'ethnicity'
  | 'gender'
  | 'disability';

export const EN: Catalogue = {
  role: {
    prosecutor: 'Prosecutor',
    partner_admin: 'Partner administrator',
    mediator: 'Mediator',
    auditor: 'Auditor',
    admin: 'Platform administrator',
    service: 'Platform service',
  },
  referralStatus: {
    submitted: 'Submitted',
    ineligible: 'Not eligible',
    needs_review: 'Needs a review',
    matching: 'Finding a programme',
    offered: 'Offered to a programme',
    assigned: 'Accepted by a programme',
    in_progress: 'Dialogue under way',
    completed: 'Completed',
    returned: 'Returned to you',
    unmatched: 'No programme available',
    withdrawn: 'Withdrawn',
  },
  referralNextStep: {
    submitted: 'The platform is screening the referral against the jurisdiction’s policy.',
    ineligible: 'Nothing more happens here. The case stays with your office.',
    needs_review: 'A prosecutor or an administrator decides whether the referral can go ahead.',
    matching: 'The platform is looking for a programme that can take the case.',
    offered: 'A programme has been asked to take the case and will answer before its deadline.',
    assigned: 'A programme has taken the case and will prepare the people involved.',
    in_progress: 'The programme is working with the people involved. You will get a report.',
    completed: 'The report is ready.',
    returned: 'The report is ready. The case comes back to your office.',
    unmatched: 'No programme could take the case. Decide how the case continues.',
    withdrawn: 'Nothing more happens here.',
  },
  screeningOutcome: {
    eligible: 'Eligible',
    ineligible: 'Not eligible',
    needs_review: 'Needs a review',
  },
  screeningRule: {
    excluded_offense_category: 'The jurisdiction’s policy excludes this category of offence.',
    review_offense_category: 'The jurisdiction’s policy asks for a review of this category of offence.',
    stage_not_allowed: 'The jurisdiction’s policy does not allow referrals at this stage of the case.',
    excluded_severity: 'The jurisdiction’s policy excludes offences of this severity.',
    protective_order_review: 'A protective order is in place, so a person must review the referral.',
  },
  source: {
    prosecutor: 'Prosecutor',
    police: 'Police',
    court: 'Court',
    probation: 'Probation',
    victim_request: 'Request of the person harmed',
  },
  stage: {
    pre_charge: 'Before charge',
    pre_trial: 'Before trial',
    post_conviction: 'After conviction',
  },
  severity: {
    infraction: 'Infraction',
    misdemeanor: 'Misdemeanour',
    felony: 'Felony',
  },
  partyRole: {
    harmed: 'Person harmed',
    responsible: 'Person responsible',
  },
  withdrawReason: {
    charges_dropped: 'The charges were dropped',
    resolved_otherwise: 'The case was resolved another way',
    referred_in_error: 'The case was referred in error',
    other: 'Another reason',
  },
  declineReason: {
    no_capacity: 'The programme has no capacity',
    no_specialist: 'The programme has no specialist for this kind of case',
    conflict: 'The programme has a conflict of interest',
    outside_scope: 'The case is outside what the programme does',
    other: 'Another reason',
  },
  returnReason: {
    dialogue_not_held: 'No dialogue was held',
    no_agreement: 'The people involved did not reach an agreement',
    agreement_not_completed: 'The agreement was not completed',
    not_suitable: 'The case was not suitable for a dialogue',
  },
  safeChannel: {
    email: 'E-mail',
    sms: 'Text message',
    phone: 'Phone call',
  },
  offenseCategory: {
    theft: 'Theft',
    burglary: 'Burglary',
    criminal_damage: 'Criminal damage',
    property_damage: 'Damage to property',
    vandalism: 'Vandalism',
    assault: 'Assault',
    fraud: 'Fraud',
    public_order: 'Public order',
    domestic_violence: 'Domestic violence',
    sexual_offense: 'Sexual offence',
    robbery: 'Robbery',
    harassment: 'Harassment',
    traffic: 'Traffic offence',
    drugs: 'Drugs offence',
  },
  offerStatus: {
    pending: 'Waiting for an answer',
    accepted: 'Accepted',
    declined: 'Declined',
    expired: 'Not answered in time',
    withdrawn: 'Withdrawn',
  },
  termKind: {
    restitution: 'Paying back',
    community_service: 'Community service',
    apology_letter: 'Letter of apology',
    programme: 'Taking part in a programme',
    other: 'Another commitment',
  },
  termStatus: {
    open: 'Under way',
    fulfilled: 'Done',
    overdue: 'Overdue',
  },
  caseStatus: {
    open: 'Open',
    on_hold: 'On hold',
    concluded: 'Concluded',
  },
  holdReason: {
    participation_withdrawn: 'A participant withdrew their consent to take part',
    risk_stop: 'A risk assessment said stop: only concluding the case remains',
  },
  riskOutcome: {
    proceed: 'Proceed',
    indirect_only: 'Indirect dialogue only',
    stop: 'Stop',
  },
  consentPurpose: {
    participation: 'To take part',
    share_outcome_with_referrer: 'To the outcome being shared with the prosecutor',
    receive_outcome: 'To being told the outcome',
    feedback: 'To being asked for feedback after the case (an anonymous survey)',
  },
  consentDecision: {
    given: 'Given',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
  },
  sessionKind: {
    preparation: 'Preparation meeting',
    joint_dialogue: 'Joint dialogue',
    indirect_dialogue: 'Indirect dialogue',
    follow_up: 'Follow-up meeting',
  },
  sessionStatus: {
    scheduled: 'Scheduled',
    cancelled: 'Cancelled',
    completed: 'Held',
  },
  sessionCancelReason: {
    mediator_cancelled: 'Cancelled by a mediator',
    participation_withdrawn: 'A participant withdrew',
    risk_stop: 'A risk assessment said stop',
    mediator_removed: 'The mediator left the case',
    case_concluded: 'The case was concluded',
    referral_withdrawn: 'The referral was withdrawn',
  },
  venueType: {
    programme_office: 'Programme office',
    community_venue: 'Community venue',
    video_call: 'Video call',
    home_visit: 'Home visit',
    other: 'Somewhere else',
  },
  gateItem: {
    information: 'Information given',
    participation_consent: 'Consent to take part',
    guardian_consent: 'Guardian’s consent to take part',
    risk_assessment: 'Risk assessed: proceed',
    preparation: 'Preparation meeting held',
    acknowledgement: 'Responsibility acknowledged',
  },
  riskReassessment: {
    disclosure_since_assessment: 'A disclosure was recorded after the last assessment',
    assessment_older_than_window: 'The last assessment is more than 30 days old',
  },
  gateCondition: {
    case_not_open: 'The case is not open',
    mediator_missing: 'No mediator has declared no conflict',
  },
  feedbackBlock: {
    no_feedback_consent: 'They have not agreed to be asked for feedback (record it at the closing contact)',
    no_guardian_consent: 'Their guardian has not agreed to the feedback survey',
    withdrawn: 'Someone withdrew from the case',
    risk_stop: 'A risk assessment said stop',
    disclosure: 'A disclosure was recorded on this case',
    new_protective_order: 'A new protective order was made',
    no_safe_email: 'E-mail is not one of their safe channels',
    safe_channel_not_reconfirmed: 'Their safe channels were not confirmed with them in the last 30 days',
    case_not_finished: 'The case has not ended after a dialogue',
    second_survey_is_for_the_person_harmed: 'The second survey is only for the person harmed',
    too_early: 'It is too early: the survey can be sent from a week after the last dialogue',
    too_late: 'It is too late to send this survey',
    already_released: 'This survey was already sent',
    asked_not_to_be_surveyed: 'They asked not to be sent surveys',
    no_message_in_language: 'There is no e-mail in their language: offer the survey by phone with an interpreter',
  },
  conclusionReason: {
    dialogue_not_held: 'No dialogue was held',
    no_agreement: 'No agreement was reached',
    not_suitable: 'The case is not suitable for a dialogue',
  },
  disclosureBasis: {
    imminent_harm: 'Imminent risk of harm',
    required_by_law: 'Required by law',
    all_parties_agree: 'Everyone involved agrees',
  },
  disclosureRecipient: {
    police: 'Police',
    prosecutor: 'Prosecutor',
    court: 'Court',
    child_protection: 'Child protection',
    adult_protection: 'Adult protection',
    health_care: 'Health care',
    participant: 'A participant',
    other: 'Someone else',
  },
  eventType: {
    'office.registered': 'An office was registered',
    'office.updated': 'An office’s details were changed',
    'office.staff_member_added': 'An office added a member of staff to its training register',
    'office.staff_training_recorded': 'An office recorded a member of staff’s restorative-justice training',
    'jurisdiction.settings_changed': 'A jurisdiction’s settings were changed',
    'partner.registered': 'A programme was registered',
    'partner.updated': 'A programme’s details were changed',
    'referral.submitted': 'The referral was submitted',
    'referral.screened': 'The referral was screened against the jurisdiction’s policy',
    'referral.reviewed': 'A person decided the referral’s review',
    'referral.withdrawn': 'The referral was withdrawn',
    'referral.deadline_extended': 'The report-back date was extended',
    'referral.deadline_at_risk': 'The report-back date came close',
    'referral.personal_data_erased': 'The referral’s personal data was erased',
    'referral.unmatched': 'No programme could take the referral',
    'match.computed': 'Programmes were ranked for the referral',
    'offer.made': 'The case was offered to a programme',
    'offer.accepted': 'A programme accepted the case',
    'offer.declined': 'A programme declined the case',
    'offer.expired': 'An offer was not answered in time',
    'offer.withdrawn': 'An offer was withdrawn',
    'mediator.registered': 'A mediator was registered',
    'mediator.updated': 'A mediator’s details were changed',
    'mediator.practice_recorded': 'A mediator’s credential, check, language or practice was recorded',
    'mediator.practice_verified': 'An administrator verified a mediator’s credential, check or language',
    'practice_thresholds.set': 'An administrator set a jurisdiction’s practice thresholds',
    'mediator.declared': 'A mediator declared a conflict or their availability',
    'mediator.proposed': 'A mediator was proposed for the case',
    'case.opened': 'The programme opened the case',
    'case.on_hold': 'The case was put on hold',
    'case.returned': 'The case was returned to the office',
    'case.completed': 'The case was completed',
    'case.concluded': 'The case was concluded',
    'consent.recorded': 'A person’s consent was recorded',
    'information.recorded': 'Information given to a person was recorded',
    'risk.assessed': 'The risks of a dialogue were assessed',
    'disclosure.recorded': 'A disclosure was recorded',
    'harmed_party.informed': 'The person harmed was informed',
    'acknowledgement.recorded': 'An acknowledgement was recorded',
    'contact.confirmed': 'A participant’s contact details were confirmed',
    'session.scheduled': 'A session was scheduled',
    'session.rescheduled': 'A session was moved',
    'session.cancelled': 'A session was cancelled',
    'session.completed': 'A session was held and its attendance recorded',
    'reminder.sent': 'A reminder was sent',
    'agreement.recorded': 'An agreement was recorded',
    'term.amended': 'A term of the agreement was changed',
    'term.fulfilled': 'A term of the agreement was fulfilled',
    'term.overdue': 'A term of the agreement became overdue',
    'term.progress_recorded': 'Progress on a term was recorded',
    'follow_up.due': 'A follow-up became due',
    'follow_up.recorded': 'A follow-up was recorded',
    'personal_data.read': 'Someone read personal data',
    'audit.read': 'An auditor or administrator read the ledger',
  },
  ledgerException: {
    disclosure: 'Disclosure',
    screening_override: 'Screening exclusion overridden',
    erasure: 'Personal data erased',
    back_dated_session: 'Session recorded after the fact',
  },
  verificationStatus: {
    running: 'Running',
    passed: 'Intact',
    failed: 'Broken',
  },
  webhookEndpointStatus: {
    pending_approval: 'Waiting for approval',
    active: 'Active',
    disabled: 'Disabled',
  },
  webhookDeliveryStatus: {
    pending: 'On its way',
    delivered: 'Delivered',
    failed: 'Failed',
    dropped: 'Not sent: personal data erased',
  },
  webhookEventType: {
    'referral.status_changed': 'A referral’s status changed',
    'referral.report_ready': 'A referral’s report is ready',
    'follow_up.due': 'A follow-up is due',
    'offer.made': 'An offer of a case was made',
    'offer.expired': 'An offer expired',
    'offer.withdrawn': 'An offer was withdrawn',
  },
  webhookDisabledReason: {
    persistent_failure: 'It failed for 3 days',
    destination_refused: 'Its address is not allowed',
    disabled_by_owner: 'Disabled by your organisation or an administrator',
  },
  equityAttribute: {
    preferredLanguage: 'Preferred language',
    interpreter: 'Interpreter need',
    ageBand: 'Age band',
    role: 'Role',
    offenceGroup: 'Offence group',
    referralSource: 'Referral source',
    jurisdiction: 'Jurisdiction',
    ethnicity: 'Ethnicity (self-declared)',
    gender: 'Gender (self-declared)',
    disability: 'Disability (self-declared)',
  },
  equityStage: {
    referred: 'Referred',
    screenedEligible: 'Screened eligible',
    offered: 'Offered to a programme',
    accepted: 'Accepted',
    dialogueHeld: 'Dialogue held',
    completed: 'Completed',
  },
  equityValue: {
    not_recorded: 'Not recorded',
    not_declared: 'Not declared',
    prefer_not_to_say: 'Prefer not to say',
    needed: 'Needs an interpreter',
    not_needed: 'No interpreter needed',
    minor: 'Under 18',
    adult: 'Adult',
    harmed: 'Person harmed',
    responsible: 'Person responsible',
    woman: 'Woman',
    man: 'Man',
    non_binary: 'Non-binary',
    another: 'Another gender',
    yes: 'Disabled',
    no: 'Not disabled',
    property: 'Property',
    violence: 'Violence',
    domestic_abuse: 'Domestic abuse',
    sexual: 'Sexual offences',
    public_order: 'Public order',
    road_traffic: 'Road traffic',
    drugs: 'Drugs',
    other: 'Other',
    prosecutor: 'Prosecutor',
    police: 'Police',
    court: 'Court',
    probation: 'Probation',
    victim_request: 'The person harmed asked',
  },
};
