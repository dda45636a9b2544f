import type { EventEnvelope } from '@rj/shared/contracts';
import { referralReducer } from '@rj/referral/domain';
import { caseReducer, EMPTY_CASE } from '@rj/scheduling/domain';
import { outcomeStateReducer } from '@rj/outcome/domain';
import type { FoldedState, ReducerSpec } from './fold-state';

/**
 * The reducers that together make "a referral as it stood": intake's view of the referral
 * (status and history), scheduling's case, outcome's agreement and result. Each scope owns its
 * rules; the ledger only folds its events through them (architecture.md, Audit ledger).
 */
export const REFERRAL_STATE_REDUCERS = {
  referral: { initial: undefined, reduce: referralReducer } as ReducerSpec<ReturnType<typeof referralReducer>>,
  case: { initial: EMPTY_CASE, reduce: caseReducer } as ReducerSpec<typeof EMPTY_CASE>,
  outcome: outcomeStateReducer as ReducerSpec<typeof outcomeStateReducer.initial>,
};

export type ReferralState = FoldedState<typeof REFERRAL_STATE_REDUCERS>;

export function initialReferralState(): ReferralState {
  return { referral: undefined, case: EMPTY_CASE, outcome: outcomeStateReducer.initial };
}

/**
 * One event into a referral's state, through every reducer. The live projection (on append)
 * and the rebuild (from the ledger) both call this, so they can only differ if the ledger or
 * the projection was changed behind the ledger's back.
 */
export function reduceReferralState(state: ReferralState, event: EventEnvelope): ReferralState {
  return {
    referral: REFERRAL_STATE_REDUCERS.referral.reduce(state.referral, event),
    case: REFERRAL_STATE_REDUCERS.case.reduce(state.case, event),
    outcome: REFERRAL_STATE_REDUCERS.outcome.reduce(state.outcome, event),
  };
}

/**
 * The projection's stored form: plain JSON (absent members dropped, as jsonb drops them), so a
 * state read back from the database and one folded in memory compare equal.
 */
export function storedReferralState(state: ReferralState): string {
  return JSON.stringify({ referral: state.referral ?? null, case: state.case, outcome: state.outcome });
}

/** The stored form back into a state to fold the next event into. */
export function parseReferralState(stored: { referral: unknown; case: unknown; outcome: unknown }): ReferralState {
  return {
    referral: (stored.referral ?? undefined) as ReferralState['referral'],
    case: stored.case as ReferralState['case'],
    outcome: stored.outcome as ReferralState['outcome'],
  };
}
