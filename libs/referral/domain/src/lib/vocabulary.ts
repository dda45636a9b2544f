/**
 * The platform's closed vocabularies this lib uses, from libs/shared/contracts (one definition
 * for every service), so a decision made here validates in the event that carries it.
 */
export {
  CONSENT_DECISIONS,
  OFFENSE_SEVERITIES,
  PARTY_ROLES,
  REFERRAL_STATUSES,
  RETURN_REASON_CODES,
  REVIEW_DECISIONS,
  SCREENING_OUTCOMES,
  SCREENING_RULES,
  STAGES,
  TERM_STATUSES,
  type ConsentDecision,
  type OffenseSeverity,
  type PartyRole,
  type ReferralStatus,
  type ReturnReasonCode,
  type ReviewDecision,
  type ScreeningOutcome,
  type ScreeningRule,
  type Stage,
  type TermStatus,
} from '@rj/shared/contracts';
