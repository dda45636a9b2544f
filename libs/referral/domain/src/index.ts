// The vocabularies (statuses, stages, rules) come from @rj/shared/contracts; import them there.
export { daysBetween, isIsoDate, utcDateOf } from './lib/dates';
export {
  DEFAULT_POLICY_JURISDICTION,
  DEFAULT_SCREENING_POLICY,
  policyFor,
  type ScreeningPolicy,
} from './lib/screening/screening-policy';
export {
  parseScreeningPolicy,
  validateScreeningPolicy,
  type PolicyProblem,
} from './lib/screening/validate-screening-policy';
export {
  EXCLUDING_RULES,
  REVIEW_RULES,
  decidedByDefaultPolicy,
  excludedCategoryOf,
  isEligible,
  isExcludingRule,
  requiresSpecialist,
  screenedEventData,
  type ScreeningDecision,
  type ScreeningInput,
  type ScreeningReason,
} from './lib/screening/screening-decision';
export {
  SCREENING_RULE_CHECKS,
  offenseCategoryExcluded,
  offenseCategoryNeedsReview,
  protectiveOrderInForce,
  severityExcluded,
  stageNotAllowed,
  type ScreeningRuleCheck,
} from './lib/screening/screening-rules';
export { screenReferral } from './lib/screening/screen-referral';
export { decideReview, reviewedEventData, type ReviewRequest, type ReviewResult } from './lib/review/decide-review';
export {
  OPEN_STATUSES,
  REPORTABLE_STATUSES,
  TERMINAL_STATUSES,
  isOpen,
  isTerminal,
  rankOf,
} from './lib/status/referral-status';
export { nextReferralStatus, type StatusEventData } from './lib/status/next-referral-status';
export {
  assertCanExtendDeadline,
  assertCanWithdraw,
  assertReportAvailable,
  screeningAwaitingReview,
} from './lib/status/referral-guards';
export { type ReferralView, type StatusChange } from './lib/reducer/referral-view';
export { referralReducer } from './lib/reducer/referral.reducer';
export { foldReferralEvents, type FoldOptions } from './lib/reducer/fold-referral-events';
export {
  SHARE_OUTCOME_PURPOSE,
  everyPartyConsentedToSharing,
  type ConsentRecord,
  type ReportParticipant,
} from './lib/report/sharing-consent';
export {
  buildProsecutorReport,
  type ProsecutorReport,
  type ProsecutorReportInput,
  type ReportDates,
  type ReportTerm,
} from './lib/report/prosecutor-report';
export {
  AGE_OF_MAJORITY,
  isMinorOn,
  referralRuleProblems,
  type Clock,
  type FieldProblem,
  type ReferralRuleInput,
} from './lib/intake/referral-rules';
export { hasMinorParty, languagesOf, type PartyFacts } from './lib/intake/participant-facts';
export { daysLeft, deadlineRiskCutoff, isDeadlineAtRisk } from './lib/deadline/deadline-risk';
export {
  daysLeftForEvent,
  deadlineAtRiskNotice,
  type DeadlineNoticeInput,
  type Notice,
} from './lib/deadline/deadline-notice';
export { caseNumberIndex, normaliseCaseNumber } from './lib/search/case-number-index';
export {
  SECOND_APPROVAL_CATEGORIES,
  assertSecondApprover,
  overrideNeedsSecondApproval,
} from './lib/review/override-approval';
