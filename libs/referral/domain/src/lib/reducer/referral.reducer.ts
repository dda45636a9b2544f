import type { EventEnvelope } from '@rj/shared/contracts';
import { nextReferralStatus } from '../status/next-referral-status';
import type { ReferralView } from './referral-view';

/** Events about who read what (rj.access.v1) do not change a referral; they are logged apart. */
const NOT_STATE_CHANGES = new Set(['personal_data.read', 'audit.read']);

type Data = Record<string, unknown>;

/**
 * Folds one event into a referral's view (architecture.md, Audit ledger: "Reconstruction of a
 * referral's state at time T folds its events with the pure reducers that the domain libs
 * export"). Every event carrying the referral's id counts — referral.*, offer.*,
 * match.computed, case.*, session.*, consent.*, agreement.*, term.*, follow_up.* — and the
 * status moves only as nextReferralStatus allows. Data is read defensively: the reducer must
 * replay old and odd events without throwing, or the ledger could not show the state at all.
 */
export function referralReducer(state: ReferralView, event: EventEnvelope): ReferralView;
/** Without a state yet, an event of no referral (office.*, partner.*, access log) yields none. */
export function referralReducer(state: ReferralView | undefined, event: EventEnvelope): ReferralView | undefined;
export function referralReducer(state: ReferralView | undefined, event: EventEnvelope): ReferralView | undefined {
  const referralId = event.referralId;
  if (!referralId || NOT_STATE_CHANGES.has(event.type)) return state;
  if (state && state.referralId !== referralId) return state;

  const data: Data = isRecord(event.data) ? event.data : {};
  const base = state ?? emptyView(event, referralId);
  const view: ReferralView = {
    ...applyFacts(base, event, data),
    lastEventAt: event.occurredAt,
    eventCount: base.eventCount + 1,
  };

  const status = nextReferralStatus(base.status, event.type, data);
  if (status !== base.status)
    view.statusHistory = [...base.statusHistory, { status, at: event.occurredAt, eventId: event.id }];
  view.status = status;
  return view;
}

function applyFacts(view: ReferralView, event: EventEnvelope, data: Data): ReferralView {
  switch (event.type) {
    case 'referral.submitted':
      return {
        ...view,
        officeId: text(data.officeId) ?? view.officeId,
        jurisdiction: text(data.jurisdiction) ?? view.jurisdiction,
        offenseCategory: text(isRecord(data.offense) ? data.offense.category : undefined) ?? view.offenseCategory,
        reportBackBy: text(data.reportBackBy) ?? view.reportBackBy,
        // Submission opens the history, also when it was folded after its screening (same instant).
        statusHistory:
          view.statusHistory[0]?.status === 'submitted'
            ? view.statusHistory
            : [{ status: 'submitted', at: event.occurredAt, eventId: event.id }, ...view.statusHistory],
      };
    case 'referral.reviewed': {
      const specialistCategory = data.requiresSpecialist === true ? text(data.specialistCategory) : undefined;
      return specialistCategory ? { ...view, specialistCategory } : view;
    }
    case 'referral.deadline_extended':
      return { ...view, reportBackBy: text(data.reportBackBy) ?? view.reportBackBy };
    case 'referral.withdrawn':
      return { ...view, withdrawnAt: view.withdrawnAt ?? event.occurredAt };
    case 'referral.personal_data_erased':
      return { ...view, personalDataErasedAt: view.personalDataErasedAt ?? text(data.erasedAt) ?? event.occurredAt };
    case 'offer.accepted':
      return { ...view, partnerId: text(data.partnerId) ?? view.partnerId };
    case 'case.opened':
      return { ...view, caseId: text(data.caseId) ?? view.caseId, partnerId: view.partnerId ?? text(data.partnerId) };
    default:
      return view;
  }
}

/**
 * A referral's events may reach the ledger before its referral.submitted (topics are not
 * ordered among each other): the view starts as submitted and fills in when it arrives.
 */
function emptyView(event: EventEnvelope, referralId: string): ReferralView {
  return {
    referralId,
    status: 'submitted',
    statusHistory: [],
    officeId: null,
    jurisdiction: null,
    offenseCategory: null,
    reportBackBy: null,
    lastEventAt: event.occurredAt,
    eventCount: 0,
  };
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
