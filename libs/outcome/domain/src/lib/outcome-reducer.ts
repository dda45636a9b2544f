import type {
  AgreementRecordedData,
  CaseCompletedData,
  CaseReturnedData,
  EventEnvelope,
  FollowUpDueData,
  FollowUpRecordedData,
  HarmedPartyInformedData,
  InformedResult,
  ReturnReasonCode,
  TermAmendedData,
  TermOverdueData,
  TermProgressRecordedData,
} from '@rj/shared/contracts';
import { zeroMoney } from './money';
import type { Term } from './terms/term';

export interface FollowUpView {
  followUpId: string;
  monthsAfter: number;
  dueOn: string | null;
  reoffended: boolean | null;
}

/** A referral's outcome as its `rj.outcome.v1` events tell it (the audit ledger's "state at T"). */
export interface OutcomeState {
  caseId: string | null;
  agreement: { agreementId: string; recordedAt: string; consentedBy: string[]; terms: Term[] } | null;
  result: { kind: 'completed'; at: string } | { kind: 'returned'; reasonCode: ReturnReasonCode; at: string } | null;
  harmedPartyInformed: { participantId: string; result: InformedResult; at: string }[];
  followUps: FollowUpView[];
}

export const initialOutcomeState: OutcomeState = {
  caseId: null,
  agreement: null,
  result: null,
  harmedPartyInformed: [],
  followUps: [],
};

function termFrom(t: AgreementRecordedData['terms'][number]): Term {
  const common = { id: t.termId, dueBy: t.dueBy, fulfilled: false, overdueFlagged: false };
  if (t.kind === 'restitution' && t.amount) {
    const amount = { amount: t.amount.amount, currency: t.amount.currency };
    return {
      ...common,
      kind: 'restitution',
      amount,
      recipient: t.recipient ?? 'harmed',
      paid: zeroMoney(amount.currency),
      ...(t.instalments ? { instalments: t.instalments } : {}),
    };
  }
  if (t.kind === 'community_service')
    return { ...common, kind: 'community_service', hours: t.hours ?? 0, hoursDone: 0 };
  // The contract guarantees restitution has an amount; anything else replays as a plain term.
  return { ...common, kind: t.kind === 'restitution' ? 'other' : t.kind };
}

function updateTerm(state: OutcomeState, termId: string, change: (term: Term) => Term): OutcomeState {
  if (!state.agreement) return state;
  const terms = state.agreement.terms.map((term) => (term.id === termId ? change(term) : term));
  return { ...state, agreement: { ...state.agreement, terms } };
}

function amend(term: Term, d: TermAmendedData): Term {
  const dueBy = d.dueBy ?? term.dueBy;
  const base = { ...term, dueBy, overdueFlagged: dueBy === term.dueBy ? term.overdueFlagged : false };
  if (base.kind === 'restitution' && d.amount)
    return { ...base, amount: { amount: d.amount.amount, currency: d.amount.currency } };
  if (base.kind === 'community_service' && d.hours !== undefined) return { ...base, hours: d.hours };
  return base;
}

function progress(term: Term, d: TermProgressRecordedData): Term {
  // The event carries running totals, so replay needs no arithmetic and cannot drift from what
  // outcome-tracking recorded.
  if (term.kind === 'restitution' && d.totalAmount)
    return { ...term, paid: { amount: d.totalAmount.amount, currency: d.totalAmount.currency } };
  if (term.kind === 'community_service' && d.totalHours !== undefined) return { ...term, hoursDone: d.totalHours };
  return term;
}

function upsertFollowUp(
  state: OutcomeState,
  followUpId: string,
  change: Partial<FollowUpView> & { monthsAfter: number },
): OutcomeState {
  const existing = state.followUps.find((f) => f.followUpId === followUpId);
  const updated: FollowUpView = { ...(existing ?? { followUpId, dueOn: null, reoffended: null }), ...change };
  const followUps = existing
    ? state.followUps.map((f) => (f.followUpId === followUpId ? updated : f))
    : [...state.followUps, updated];
  return { ...state, followUps };
}

/**
 * Folds one event into a referral's outcome state. Pure and total: events of other types leave
 * the state as it is, so the audit ledger can pass every event of a referral through every
 * scope's reducer. It replays what happened; it does not re-judge rules (a ledger must show
 * the past, even a past that broke a rule).
 */
export function outcomeReducer(state: OutcomeState, event: EventEnvelope): OutcomeState {
  switch (event.type) {
    case 'agreement.recorded': {
      const d = event.data as AgreementRecordedData;
      return {
        ...state,
        caseId: d.caseId,
        agreement: {
          agreementId: d.agreementId,
          recordedAt: event.occurredAt,
          consentedBy: [...d.consentedBy],
          terms: d.terms.map(termFrom),
        },
      };
    }
    case 'term.amended':
      return updateTerm(state, (event.data as TermAmendedData).termId, (term) =>
        amend(term, event.data as TermAmendedData),
      );
    case 'term.progress_recorded':
      return updateTerm(state, (event.data as TermProgressRecordedData).termId, (term) =>
        progress(term, event.data as TermProgressRecordedData),
      );
    case 'term.fulfilled':
      return updateTerm(state, (event.data as { termId: string }).termId, (term) => ({ ...term, fulfilled: true }));
    case 'term.overdue':
      return updateTerm(state, (event.data as TermOverdueData).termId, (term) => ({ ...term, overdueFlagged: true }));
    case 'case.completed': {
      const d = event.data as CaseCompletedData;
      return { ...state, caseId: d.caseId, result: { kind: 'completed', at: d.completedAt } };
    }
    case 'case.returned': {
      const d = event.data as CaseReturnedData;
      return {
        ...state,
        caseId: d.caseId,
        result: { kind: 'returned', reasonCode: d.reasonCode, at: event.occurredAt },
      };
    }
    case 'harmed_party.informed': {
      const d = event.data as HarmedPartyInformedData;
      return {
        ...state,
        harmedPartyInformed: [
          ...state.harmedPartyInformed,
          { participantId: d.participantId, result: d.result, at: event.occurredAt },
        ],
      };
    }
    case 'follow_up.due': {
      const d = event.data as FollowUpDueData;
      return upsertFollowUp(state, d.followUpId, { monthsAfter: d.monthsAfter, dueOn: d.dueOn });
    }
    case 'follow_up.recorded': {
      const d = event.data as FollowUpRecordedData;
      return upsertFollowUp(state, d.followUpId, { monthsAfter: d.monthsAfter, reoffended: d.reoffended });
    }
    default:
      return state;
  }
}

/** The reducer in the `{ initial, reduce }` form the audit ledger's foldState takes. */
export const outcomeStateReducer = { initial: initialOutcomeState, reduce: outcomeReducer };
