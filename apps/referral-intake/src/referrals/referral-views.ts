import type { ReferralEntity, ReferralStatusChangeEntity } from '@rj/referral/data-access';
import type { ScreeningDecision } from '@rj/referral/domain';
import type { PartyPersonalData } from './personal-fields';

export interface ScreeningView {
  outcome: string;
  reasons: { rule: string; detail: string }[];
  policyVersion: number;
  /** Whose policy decided: the referral's jurisdiction (version 0: the built-in default). */
  policyJurisdiction: string;
  defaultPolicy: boolean;
}

/** 201 of `POST /api/referrals` (api.md): `{ id, status, screening: { outcome, reasons[] } }`. */
export interface SubmittedReferralView {
  id: string;
  status: string;
  screening: ScreeningView;
}

/** A list entry: codes, ids and dates only, so listing reveals no personal data. */
export interface ReferralSummaryView {
  id: string;
  officeId: string;
  status: string;
  source: string;
  jurisdiction: string;
  offense: { code: string; category: string; severity: string };
  incidentDate: string;
  stage: string;
  protectiveOrder: boolean;
  reportBackBy: string;
  screeningOutcome: string;
  requiresSpecialist: boolean;
  partnerId: string | null;
  caseId: string | null;
  submittedAt: string;
  personalDataErasedAt: string | null;
}

export interface PartyView extends PartyPersonalData {
  participantId: string;
  role: string;
  minor: boolean;
  preferredLanguage: string;
  interpreter: boolean;
}

/**
 * One referral (`GET /api/referrals/{id}`): its status history and current assignment. The
 * personal fields are plaintext for the owning prosecutor and the admin (each such read is
 * logged as personal_data.read), ciphertext for an auditor, and null once erased.
 */
export interface ReferralDetailView extends ReferralSummaryView {
  caseNumber: string | null;
  offense: ReferralSummaryView['offense'] & { description: string | null };
  notes: string | null;
  parties: PartyView[];
  screening: ScreeningView;
  review: {
    decision: string;
    reason: string | null;
    reviewerRole: string | null;
    reviewedAt: string | null;
  } | null;
  specialistCategory: string | null;
  withdrawal: { reasonCode: string; at: string } | null;
  statusHistory: { status: string; at: string; cause: string }[];
  updatedAt: string;
}

export function screeningView(decision: Pick<ScreeningDecision, 'outcome' | 'reasons' | 'policyVersion'>, jurisdiction: string, defaultPolicy: boolean): ScreeningView {
  return {
    outcome: decision.outcome,
    reasons: decision.reasons.map(({ rule, detail }) => ({ rule, detail })),
    policyVersion: decision.policyVersion,
    policyJurisdiction: jurisdiction,
    defaultPolicy,
  };
}

export function summaryView(referral: ReferralEntity): ReferralSummaryView {
  return {
    id: referral.id,
    officeId: referral.officeId,
    status: referral.status,
    source: referral.source,
    jurisdiction: referral.jurisdiction,
    offense: { code: referral.offenseCode, category: referral.offenseCategory, severity: referral.offenseSeverity },
    incidentDate: referral.incidentDate,
    stage: referral.stage,
    protectiveOrder: referral.protectiveOrder,
    reportBackBy: referral.reportBackBy,
    screeningOutcome: referral.screeningOutcome,
    requiresSpecialist: referral.requiresSpecialist,
    partnerId: referral.partnerId,
    caseId: referral.caseId,
    submittedAt: referral.createdAt.toISOString(),
    personalDataErasedAt: referral.personalDataErasedAt?.toISOString() ?? null,
  };
}

/** The stored referral with its personal values as given (decrypted, ciphertext or null). */
export function detailView(
  referral: ReferralEntity,
  personal: { caseNumber: string | null; description: string | null; notes: string | null; reviewReason: string | null; parties: PartyView[] },
  history: ReferralStatusChangeEntity[],
): ReferralDetailView {
  const summary = summaryView(referral);
  return {
    ...summary,
    caseNumber: personal.caseNumber,
    offense: { ...summary.offense, description: personal.description },
    notes: personal.notes,
    parties: personal.parties,
    screening: screeningView(
      { outcome: referral.screeningOutcome as ScreeningDecision['outcome'], reasons: referral.screeningReasons as ScreeningDecision['reasons'], policyVersion: referral.screeningPolicyVersion },
      referral.jurisdiction,
      referral.screeningDefaultPolicy,
    ),
    review: referral.reviewDecision
      ? { decision: referral.reviewDecision, reason: personal.reviewReason, reviewerRole: referral.reviewerRole, reviewedAt: referral.reviewedAt?.toISOString() ?? null }
      : null,
    specialistCategory: referral.specialistCategory,
    withdrawal: referral.withdrawReasonCode && referral.withdrawnAt ? { reasonCode: referral.withdrawReasonCode, at: referral.withdrawnAt.toISOString() } : null,
    statusHistory: history.map((change) => ({ status: change.status, at: change.at.toISOString(), cause: change.cause })),
    updatedAt: referral.updatedAt.toISOString(),
  };
}
