import type {
  CaseHoldReasonCode,
  CaseStatus,
  ConclusionReasonCode,
  ConsentDecision,
  ConsentPurpose,
  PartyRole,
  RiskOutcome,
  SessionCancelReasonCode,
  SessionKind,
} from '@rj/shared/contracts';

/**
 * A case as mediation-scheduling's rules see it: ids, codes and dates only. It is what
 * caseReducer folds from the events, so the audit ledger's replay and the live service judge
 * with the same rules. Times are ISO 8601 strings, as the events carry them.
 */

export type ConsentsByPurpose = Partial<Record<ConsentPurpose, ConsentDecision>>;

export interface ParticipantState {
  readonly participantId: string;
  readonly role: PartyRole;
  readonly minor: boolean;
  /** Which information pack the participant was given; participation consent needs it (R4). */
  readonly informationRecorded: { readonly version: string; readonly language: string } | null;
  /** The latest assessment counts (api.md, risk-assessments). */
  readonly latestRisk: RiskOutcome | null;
  /** When the latest assessment was made; absent from states folded before it was kept. */
  readonly riskAssessedAt?: string | null;
  /** Only the person responsible acknowledges the basic facts (R6); always false for the harmed. */
  readonly acknowledged: boolean;
  /** The participant's own latest decision per purpose. */
  readonly consents: ConsentsByPurpose;
  /** A guardian's latest decision per purpose; only a minor has one (R5). */
  readonly guardianConsents: ConsentsByPurpose;
  /** A preparation session with this participant present was completed (R9). */
  readonly preparationHeld: boolean;
}

export interface MediatorState {
  /** The mediator's `sub`. */
  readonly mediatorId: string;
  /** Has made a conflict-of-interest declaration at all. */
  readonly declared: boolean;
  /** Declared a conflict: removed from the case (product.md, Neutral facilitators). */
  readonly conflicted: boolean;
}

export type SessionStatus = 'scheduled' | 'cancelled' | 'completed';

export interface SessionState {
  readonly sessionId: string;
  readonly kind: SessionKind;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly participantIds: readonly string[];
  readonly mediatorIds: readonly string[];
  readonly status: SessionStatus;
  readonly cancelReason?: SessionCancelReasonCode;
  readonly attendance?: readonly { readonly participantId: string; readonly present: boolean }[];
}

export interface CaseState {
  readonly caseId: string | null;
  readonly referralId: string | null;
  readonly partnerId: string | null;
  readonly status: CaseStatus;
  /** Why the case is on hold; a `risk_stop` hold is never replaced by a milder one. */
  readonly holdReason: CaseHoldReasonCode | null;
  readonly participants: readonly ParticipantState[];
  readonly mediators: readonly MediatorState[];
  readonly sessions: readonly SessionState[];
  readonly conclusion: { readonly agreementReached: boolean; readonly reasonCode?: ConclusionReasonCode } | null;
  /** When a disclosure under a confidentiality exception was last recorded in the case. */
  readonly lastDisclosureAt?: string | null;
}

/** A mediator who declared no conflict: assigned, and may act on the case. */
export function isAssigned(mediator: MediatorState | undefined): boolean {
  return mediator !== undefined && mediator.declared && !mediator.conflicted;
}

export function findParticipant(state: CaseState, participantId: string): ParticipantState | undefined {
  return state.participants.find((participant) => participant.participantId === participantId);
}

export function findMediator(state: CaseState, mediatorId: string): MediatorState | undefined {
  return state.mediators.find((mediator) => mediator.mediatorId === mediatorId);
}
