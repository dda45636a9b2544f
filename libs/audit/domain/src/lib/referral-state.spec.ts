import { SAMPLE_EVENTS, SAMPLE_IDS } from '@rj/shared/contracts/testing';
import { initialReferralState, parseReferralState, reduceReferralState, storedReferralState } from './referral-state';

const referralEvents = Object.values(SAMPLE_EVENTS)
  .filter((event) => event.referralId === SAMPLE_IDS.referralId)
  .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt));

describe('referral state (the ledger projection)', () => {
  it('folds a referral through intake, scheduling and outcome reducers together', () => {
    const state = referralEvents.reduce(reduceReferralState, initialReferralState());
    expect(state.referral?.status).toBe('withdrawn');
    expect(state.case.caseId).toBe(SAMPLE_IDS.caseId);
    expect(state.outcome.agreement?.agreementId).toBe(SAMPLE_IDS.agreementId);
  });

  it('gives the same state whether folded in memory or stored and reloaded after every event', () => {
    const inMemory = referralEvents.reduce(reduceReferralState, initialReferralState());
    const viaStorage = referralEvents.reduce(
      (state, event) => parseReferralState(JSON.parse(storedReferralState(reduceReferralState(state, event)))),
      initialReferralState(),
    );
    expect(storedReferralState(viaStorage)).toBe(storedReferralState(inMemory));
  });

  it('stores a referral not yet seen as null, not as a missing member', () => {
    expect(JSON.parse(storedReferralState(initialReferralState()))).toHaveProperty('referral', null);
  });
});
