import type {
  AcknowledgementRecordedData,
  CaseConcludedData,
  CaseOnHoldData,
  CaseOpenedData,
  ConsentRecordedData,
  InformationRecordedData,
  MediatorDeclaredData,
  MediatorProposedData,
  ReferralParticipant,
  RiskAssessedData,
  SessionCancelledData,
  SessionCompletedData,
  SessionRescheduledData,
  SessionScheduledData,
} from '@rj/shared/contracts';
import type { CaseState, ParticipantState, SessionState } from './case-state';

/** The envelope fields the reducer reads; `data` is already validated against the event's schema. */
export interface CaseEvent {
  readonly type: string;
  readonly referralId?: string | null;
  /** The envelope's time; the reducer keeps it where a rule needs to know when (risk, disclosures). */
  readonly occurredAt?: string;
  readonly data: object;
}

export const EMPTY_CASE: CaseState = Object.freeze({
  caseId: null,
  referralId: null,
  partnerId: null,
  status: 'open',
  holdReason: null,
  participants: [],
  mediators: [],
  sessions: [],
  conclusion: null,
});

type Submitted = { referralId: string; participants: Pick<ReferralParticipant, 'participantId' | 'role' | 'minor'>[] };

/**
 * Folds a referral's events into its case as scheduling's rules see it, for the audit ledger's
 * "case as it stood at a past moment" (product.md, Audit). Pure and total: events of other
 * types leave the state as it is. Participants come from referral.submitted (roles and minor
 * flags only; names and contacts never enter this view).
 */
export function caseReducer(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case 'referral.submitted': {
      const data = event.data as Submitted;
      return { ...state, referralId: data.referralId, participants: data.participants.map(newParticipant) };
    }
    case 'case.opened': {
      const data = event.data as CaseOpenedData;
      return {
        ...state,
        caseId: data.caseId,
        partnerId: data.partnerId,
        referralId: state.referralId ?? event.referralId ?? null,
        status: 'open',
      };
    }
    case 'mediator.proposed': {
      const { mediatorId } = event.data as MediatorProposedData;
      const others = state.mediators.filter((m) => m.mediatorId !== mediatorId);
      return { ...state, mediators: [...others, { mediatorId, declared: false, conflicted: false }] };
    }
    case 'mediator.declared': {
      const { mediatorId, conflictOfInterest } = event.data as MediatorDeclaredData;
      const mediators = state.mediators.map((m) =>
        m.mediatorId === mediatorId ? { ...m, declared: true, conflicted: conflictOfInterest } : m,
      );
      return { ...state, mediators };
    }
    case 'information.recorded': {
      const data = event.data as InformationRecordedData;
      return withParticipant(state, data.participantId, {
        informationRecorded: { version: data.informationVersion, language: data.language },
      });
    }
    case 'risk.assessed': {
      const data = event.data as RiskAssessedData;
      return withParticipant(state, data.participantId, {
        latestRisk: data.outcome,
        riskAssessedAt: event.occurredAt ?? null,
      });
    }
    case 'disclosure.recorded':
      return { ...state, lastDisclosureAt: event.occurredAt ?? null };
    case 'acknowledgement.recorded': {
      const data = event.data as AcknowledgementRecordedData;
      return withParticipant(state, data.participantId, { acknowledged: true });
    }
    case 'consent.recorded': {
      const data = event.data as ConsentRecordedData;
      const participant = state.participants.find((p) => p.participantId === data.participantId);
      if (!participant) return state;
      const key = data.byGuardian ? 'guardianConsents' : 'consents';
      return withParticipant(state, data.participantId, {
        [key]: { ...participant[key], [data.purpose]: data.decision },
      });
    }
    case 'session.scheduled': {
      const { caseId: _caseId, ...data } = event.data as SessionScheduledData;
      return {
        ...state,
        sessions: [...state.sessions.filter((s) => s.sessionId !== data.sessionId), { ...data, status: 'scheduled' }],
      };
    }
    case 'session.rescheduled': {
      const data = event.data as SessionRescheduledData;
      return withSession(state, data.sessionId, { startsAt: data.startsAt, endsAt: data.endsAt });
    }
    case 'session.cancelled': {
      const data = event.data as SessionCancelledData;
      return withSession(state, data.sessionId, { status: 'cancelled', cancelReason: data.reasonCode });
    }
    case 'session.completed':
      return sessionCompleted(state, event.data as SessionCompletedData);
    case 'case.on_hold': {
      const data = event.data as CaseOnHoldData;
      // A `stop` hold leaves conclusion as the only way on; a later withdrawal does not soften it.
      const holdReason = state.holdReason === 'risk_stop' ? 'risk_stop' : data.reasonCode;
      return state.status === 'concluded' ? state : { ...state, status: 'on_hold', holdReason };
    }
    case 'case.concluded': {
      const data = event.data as CaseConcludedData;
      const conclusion =
        data.reasonCode === undefined
          ? { agreementReached: data.agreementReached }
          : { agreementReached: data.agreementReached, reasonCode: data.reasonCode };
      return { ...state, status: 'concluded', conclusion };
    }
    default:
      return state;
  }
}

/** Folds a whole history, oldest first. */
export function replayCase(events: Iterable<CaseEvent>, from: CaseState = EMPTY_CASE): CaseState {
  let state = from;
  for (const event of events) state = caseReducer(state, event);
  return state;
}

function newParticipant(p: Pick<ReferralParticipant, 'participantId' | 'role' | 'minor'>): ParticipantState {
  return {
    participantId: p.participantId,
    role: p.role,
    minor: p.minor,
    informationRecorded: null,
    latestRisk: null,
    acknowledged: false,
    consents: {},
    guardianConsents: {},
    preparationHeld: false,
  };
}

/** R9: a preparation session counts as held for each participant who was present. */
function sessionCompleted(state: CaseState, data: SessionCompletedData): CaseState {
  const next = withSession(state, data.sessionId, {
    status: 'completed',
    kind: data.kind,
    attendance: data.attendance,
  });
  if (data.kind !== 'preparation') return next;
  const present = new Set(data.attendance.filter((a) => a.present).map((a) => a.participantId));
  return {
    ...next,
    participants: next.participants.map((p) => (present.has(p.participantId) ? { ...p, preparationHeld: true } : p)),
  };
}

function withParticipant(state: CaseState, participantId: string, change: Partial<ParticipantState>): CaseState {
  return {
    ...state,
    participants: state.participants.map((p) => (p.participantId === participantId ? { ...p, ...change } : p)),
  };
}

function withSession(state: CaseState, sessionId: string, change: Partial<SessionState>): CaseState {
  return { ...state, sessions: state.sessions.map((s) => (s.sessionId === sessionId ? { ...s, ...change } : s)) };
}
