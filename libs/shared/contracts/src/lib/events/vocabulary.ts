/**
 * The platform's closed vocabularies, spelled exactly as api.md spells them. Event schemas
 * validate against these; services reuse them for their DTOs, entities and domain rules, so a
 * code means the same thing everywhere. Adding a value is a contract change: add it here, on
 * purpose, and make every consumer tolerate it before a producer emits it.
 */

// ── Referral intake ───────────────────────────────────────────────────────────────────────
export const REFERRAL_SOURCES = ['prosecutor', 'police', 'court', 'probation', 'victim_request'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const OFFENSE_SEVERITIES = ['infraction', 'misdemeanor', 'felony'] as const;
export type OffenseSeverity = (typeof OFFENSE_SEVERITIES)[number];

export const STAGES = ['pre_charge', 'pre_trial', 'post_conviction'] as const;
export type Stage = (typeof STAGES)[number];

export const PARTY_ROLES = ['harmed', 'responsible'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const REFERRAL_STATUSES = [
  'submitted',
  'ineligible',
  'needs_review',
  'matching',
  'offered',
  'assigned',
  'in_progress',
  'completed',
  'returned',
  'unmatched',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const SCREENING_OUTCOMES = ['eligible', 'ineligible', 'needs_review'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

/** Which rule of a screening policy decided (one per policy field of api.md's policy body). */
export const SCREENING_RULES = [
  'excluded_offense_category',
  'review_offense_category',
  'stage_not_allowed',
  'excluded_severity',
  'protective_order_review',
] as const;
export type ScreeningRule = (typeof SCREENING_RULES)[number];

export const REVIEW_DECISIONS = ['eligible', 'ineligible'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Roles that may decide a review (api.md: prosecutor, admin; only admin overrides an exclusion). */
export const REVIEWER_ROLES = ['prosecutor', 'admin'] as const;
export type ReviewerRole = (typeof REVIEWER_ROLES)[number];

export const WITHDRAW_REASON_CODES = ['charges_dropped', 'resolved_otherwise', 'referred_in_error', 'other'] as const;
export type WithdrawReasonCode = (typeof WITHDRAW_REASON_CODES)[number];

// ── Partner matching ──────────────────────────────────────────────────────────────────────
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'withdrawn'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export const DECLINE_REASON_CODES = ['no_capacity', 'no_specialist', 'conflict', 'outside_scope', 'other'] as const;
export type DeclineReasonCode = (typeof DECLINE_REASON_CODES)[number];

// ── Mediation scheduling ──────────────────────────────────────────────────────────────────
export const CASE_STATUSES = ['open', 'on_hold', 'concluded'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const RISK_OUTCOMES = ['proceed', 'indirect_only', 'stop'] as const;
export type RiskOutcome = (typeof RISK_OUTCOMES)[number];

/**
 * Purposes a `consent.recorded` event may carry. `feedback` — being asked, after the case, to
 * answer an anonymous survey (issue 20) — is a contract change: every consumer accepts it here
 * first, and mediation-scheduling records it only once it is in RECORDABLE_CONSENT_PURPOSES.
 */
export const CONSENT_PURPOSES = [
  'participation',
  'share_outcome_with_referrer',
  'receive_outcome',
  'feedback',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/**
 * The purposes a mediator may record (POST /api/cases/{id}/consents). `feedback` joined once
 * every consumer accepted it (step one of the contract change, consent-purposes.spec.ts).
 */
export const RECORDABLE_CONSENT_PURPOSES = [
  'participation',
  'share_outcome_with_referrer',
  'receive_outcome',
  'feedback',
] as const satisfies readonly ConsentPurpose[];

export const CONSENT_DECISIONS = ['given', 'declined', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const SESSION_KINDS = ['preparation', 'joint_dialogue', 'indirect_dialogue', 'follow_up'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** Why a session was cancelled. Neutral: never which party caused it (product.md, failure is not punished). */
export const SESSION_CANCEL_REASON_CODES = [
  'mediator_cancelled',
  'participation_withdrawn',
  'risk_stop',
  'mediator_removed',
  'case_concluded',
  'referral_withdrawn',
] as const;
export type SessionCancelReasonCode = (typeof SESSION_CANCEL_REASON_CODES)[number];

/** Why a reminder went out through no channel. */
/** `no_message_in_language`: the participant needs an interpreter and their language has no message catalogue (issue 21): the mediator phones. */
export const REMINDER_SKIP_REASON_CODES = [
  'no_safe_channel',
  'personal_data_erased',
  'no_message_in_language',
] as const;
export type ReminderSkipReasonCode = (typeof REMINDER_SKIP_REASON_CODES)[number];

export const DISCLOSURE_LEGAL_BASES = ['imminent_harm', 'required_by_law', 'all_parties_agree'] as const;
export type DisclosureLegalBasis = (typeof DISCLOSURE_LEGAL_BASES)[number];

/** The kind of recipient of a disclosure; who exactly is free text and stays in scheduling. */
export const DISCLOSURE_RECIPIENT_KINDS = [
  'police',
  'prosecutor',
  'court',
  'child_protection',
  'adult_protection',
  'health_care',
  'participant',
  'other',
] as const;
export type DisclosureRecipientKind = (typeof DISCLOSURE_RECIPIENT_KINDS)[number];

/** Why a case is on hold (product.md: a withdrawal or a `stop` risk assessment). */
export const CASE_HOLD_REASON_CODES = ['participation_withdrawn', 'risk_stop'] as const;
export type CaseHoldReasonCode = (typeof CASE_HOLD_REASON_CODES)[number];

/** A case concluded without agreement; `referral_withdrawn` is set only by the platform. */
export const CONCLUSION_REASON_CODES = [
  'dialogue_not_held',
  'no_agreement',
  'not_suitable',
  'referral_withdrawn',
] as const;
export type ConclusionReasonCode = (typeof CONCLUSION_REASON_CODES)[number];

/** The subset a mediator may choose (api.md, `POST /api/cases/{id}/conclude`). */
export const MEDIATOR_CONCLUSION_REASON_CODES = ['dialogue_not_held', 'no_agreement', 'not_suitable'] as const;
export type MediatorConclusionReasonCode = (typeof MEDIATOR_CONCLUSION_REASON_CODES)[number];

// ── Outcome tracking ──────────────────────────────────────────────────────────────────────
export const TERM_KINDS = ['restitution', 'community_service', 'apology_letter', 'programme', 'other'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const TERM_RECIPIENTS = ['harmed', 'other'] as const;
export type TermRecipient = (typeof TERM_RECIPIENTS)[number];

export const TERM_STATUSES = ['open', 'fulfilled', 'overdue'] as const;
export type TermStatus = (typeof TERM_STATUSES)[number];

/** A returned case's neutral reason (product.md): never which party declined. */
export const RETURN_REASON_CODES = [
  'dialogue_not_held',
  'no_agreement',
  'agreement_not_completed',
  'not_suitable',
] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];

export const INFORMED_RESULTS = ['completed', 'not_completed'] as const;
export type InformedResult = (typeof INFORMED_RESULTS)[number];

// ── Access log ────────────────────────────────────────────────────────────────────────────
/** Query parameters of the auditor endpoints (api.md, audit-ledger); values never travel. */
export const AUDIT_QUERY_FILTERS = ['aggregateId', 'type', 'from', 'to', 'cursor', 'limit', 'at', 'format'] as const;
export type AuditQueryFilter = (typeof AUDIT_QUERY_FILTERS)[number];
