import { findEventDefinition, validateEventData } from '@rj/shared/contracts';
import { caseReducer, EMPTY_CASE, replayCase, type CaseEvent } from './case.reducer';
import { dialogueGateProblems } from './dialogue-gate';
import { BOTH, HARMED, RESPONSIBLE } from '../test/case-fixtures';

const CASE = '0190a000-0000-7000-8000-0000000000c1';
const REFERRAL = '0190a000-0000-7000-8000-0000000000f1';
const PARTNER = '0190a000-0000-7000-8000-0000000000e1';
const OFFER = '0190a000-0000-7000-8000-0000000000d1';
const MEDIATOR = 'mediator-sub-1';
const sid = (n: number) => `0190a000-0000-7000-8000-00000000050${n}`;
const ev = (type: string, data: object): CaseEvent => ({ type, referralId: REFERRAL, data });

const submitted = ev('referral.submitted', {
  referralId: REFERRAL,
  participants: [
    { participantId: HARMED, role: 'harmed', minor: false },
    { participantId: RESPONSIBLE, role: 'responsible', minor: true },
  ],
});
const prepared = (participantId: string, n: number): CaseEvent[] => [
  ev('information.recorded', { caseId: CASE, participantId, informationVersion: 'adult-v3', language: 'nl' }),
  ev('consent.recorded', {
    caseId: CASE,
    participantId,
    purpose: 'participation',
    decision: 'given',
    byGuardian: false,
  }),
  ev('risk.assessed', { caseId: CASE, participantId, outcome: 'proceed' }),
  ev('session.scheduled', {
    sessionId: sid(n),
    caseId: CASE,
    kind: 'preparation',
    startsAt: '2026-03-01T10:00:00.000Z',
    endsAt: '2026-03-01T11:00:00.000Z',
    participantIds: [participantId],
    mediatorIds: [MEDIATOR],
  }),
  ev('session.completed', {
    sessionId: sid(n),
    caseId: CASE,
    kind: 'preparation',
    attendance: [{ participantId, present: true }],
    heldAt: '2026-03-01T10:00:00.000Z',
    recordedLate: false,
  }),
];
const history: CaseEvent[] = [
  submitted,
  ev('case.opened', { caseId: CASE, partnerId: PARTNER, offerId: OFFER }),
  ev('mediator.proposed', { caseId: CASE, mediatorId: MEDIATOR }),
  ev('mediator.declared', { caseId: CASE, mediatorId: MEDIATOR, conflictOfInterest: false }),
  ...prepared(HARMED, 1),
  ...prepared(RESPONSIBLE, 2),
  ev('consent.recorded', {
    caseId: CASE,
    participantId: RESPONSIBLE,
    purpose: 'participation',
    decision: 'given',
    byGuardian: true,
  }),
  ev('acknowledgement.recorded', { caseId: CASE, participantId: RESPONSIBLE }),
];

describe('caseReducer (product.md, Audit: a case as it stood at any moment)', () => {
  it('folds only event data the contracts accept', () => {
    for (const event of history.slice(1)) {
      const definition = findEventDefinition(event.type, 1);
      expect(definition).toBeDefined();
      expect(validateEventData(definition!, event.data)).toEqual([]);
    }
  });

  it('rebuilds a case whose dialogue gate is open', () => {
    const state = replayCase(history);
    expect(state).toMatchObject({ caseId: CASE, referralId: REFERRAL, partnerId: PARTNER, status: 'open' });
    expect(state.mediators).toEqual([{ mediatorId: MEDIATOR, declared: true, conflicted: false }]);
    expect(state.participants.map((p) => p.preparationHeld)).toEqual([true, true]);
    expect(dialogueGateProblems(state, 'joint_dialogue', BOTH, [MEDIATOR])).toEqual([]);
  });

  it('shows the gate closed at an earlier moment', () => {
    const before = replayCase(history.slice(0, -2));
    expect(dialogueGateProblems(before, 'joint_dialogue', BOTH, [MEDIATOR])).toEqual([
      `guardian_consent_missing:${RESPONSIBLE}`,
      `acknowledgement_missing:${RESPONSIBLE}`,
    ]);
  });

  it('holds the case on a withdrawal and keeps a stop hold as it is', () => {
    const withdrawn = replayCase([
      ...history,
      ev('case.on_hold', { caseId: CASE, reasonCode: 'participation_withdrawn' }),
    ]);
    expect(withdrawn).toMatchObject({ status: 'on_hold', holdReason: 'participation_withdrawn' });
    const stopped = replayCase(
      [
        ev('case.on_hold', { caseId: CASE, reasonCode: 'risk_stop' }),
        ev('case.on_hold', { caseId: CASE, reasonCode: 'participation_withdrawn' }),
      ],
      withdrawn,
    );
    expect(stopped.holdReason).toBe('risk_stop');
  });

  it('records consents per purpose and per consenter, latest decision winning', () => {
    const state = replayCase([
      ...history,
      ev('consent.recorded', {
        caseId: CASE,
        participantId: HARMED,
        purpose: 'participation',
        decision: 'withdrawn',
        byGuardian: false,
      }),
      ev('consent.recorded', {
        caseId: CASE,
        participantId: HARMED,
        purpose: 'receive_outcome',
        decision: 'given',
        byGuardian: false,
      }),
    ]);
    expect(state.participants[0].consents).toEqual({ participation: 'withdrawn', receive_outcome: 'given' });
  });

  it('tracks sessions through rescheduling, cancellation and conclusion', () => {
    const state = replayCase([
      ...history,
      ev('session.rescheduled', {
        sessionId: sid(1),
        caseId: CASE,
        startsAt: '2026-03-02T10:00:00.000Z',
        endsAt: '2026-03-02T11:00:00.000Z',
      }),
      ev('session.cancelled', { sessionId: sid(2), caseId: CASE, reasonCode: 'mediator_cancelled' }),
      ev('mediator.declared', { caseId: CASE, mediatorId: MEDIATOR, conflictOfInterest: true }),
      ev('case.concluded', { caseId: CASE, agreementReached: false, reasonCode: 'not_suitable' }),
    ]);
    expect(state.sessions.map((s) => [s.startsAt, s.status])).toEqual([
      ['2026-03-02T10:00:00.000Z', 'completed'],
      ['2026-03-01T10:00:00.000Z', 'cancelled'],
    ]);
    expect(state.mediators[0].conflicted).toBe(true);
    expect(state).toMatchObject({
      status: 'concluded',
      conclusion: { agreementReached: false, reasonCode: 'not_suitable' },
    });
  });

  it('leaves the case as it is for events it does not fold', () => {
    const state = replayCase(history);
    expect(caseReducer(state, ev('reminder.sent', {}))).toBe(state);
    expect(
      caseReducer(EMPTY_CASE, ev('risk.assessed', { caseId: CASE, participantId: HARMED, outcome: 'stop' })),
    ).toEqual(EMPTY_CASE);
  });
});
