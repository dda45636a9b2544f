import type { EventEnvelope } from '@rj/shared/contracts';
import { initialOutcomeState, outcomeReducer, type OutcomeState } from './outcome-reducer';

let n = 0;
const ev = (type: string, data: unknown, occurredAt = '2026-05-01T10:00:00.000Z'): EventEnvelope => ({
  id: `e${++n}`,
  type,
  version: 1,
  occurredAt,
  aggregateType: 'agreement',
  aggregateId: 'ag',
  referralId: 'ref',
  actor: { sub: 'm', role: 'mediator', org: 'p' },
  correlationId: 'c',
  causationId: null,
  data,
});
const fold = (events: EventEnvelope[]): OutcomeState => events.reduce(outcomeReducer, initialOutcomeState);

const agreement = ev('agreement.recorded', {
  agreementId: 'ag',
  caseId: 'case',
  consentedBy: ['p1', 'p2'],
  terms: [
    {
      termId: 't1',
      kind: 'restitution',
      dueBy: '2026-06-30',
      amount: { amount: '300.00', currency: 'EUR' },
      recipient: 'harmed',
      instalments: 3,
    },
    { termId: 't2', kind: 'community_service', dueBy: '2026-06-30', hours: 10 },
    { termId: 't3', kind: 'apology_letter', dueBy: '2026-05-15' },
  ],
});

describe('outcomeReducer', () => {
  it('rebuilds terms, progress, amendments, overdue flags and the result from outcome events', () => {
    const state = fold([
      agreement,
      ev('term.progress_recorded', {
        agreementId: 'ag',
        termId: 't1',
        amount: { amount: '100.00', currency: 'EUR' },
        totalAmount: { amount: '100.00', currency: 'EUR' },
      }),
      ev('term.progress_recorded', { agreementId: 'ag', termId: 't2', hours: 4, totalHours: 4 }),
      ev('term.overdue', { agreementId: 'ag', termId: 't3', dueBy: '2026-05-15' }),
      ev('term.amended', { agreementId: 'ag', termId: 't3', dueBy: '2026-07-01', consentedBy: ['p1', 'p2'] }),
      ev('term.amended', { agreementId: 'ag', termId: 't2', hours: 8, consentedBy: ['p1', 'p2'] }),
      ev('term.fulfilled', { agreementId: 'ag', termId: 't3' }),
    ]);
    expect(state.agreement?.terms).toEqual([
      expect.objectContaining({
        id: 't1',
        paid: { amount: '100.00', currency: 'EUR' },
        instalments: 3,
        fulfilled: false,
      }),
      expect.objectContaining({ id: 't2', hours: 8, hoursDone: 4, fulfilled: false }),
      expect.objectContaining({ id: 't3', dueBy: '2026-07-01', overdueFlagged: false, fulfilled: true }),
    ]);
    expect(state.result).toBeNull();
  });

  it('records completion, return, informing the person harmed and follow-ups', () => {
    const completed = fold([
      agreement,
      ev('case.completed', { caseId: 'case', agreementId: 'ag', completedAt: '2026-06-01T09:00:00.000Z' }),
      ev(
        'harmed_party.informed',
        { caseId: 'case', participantId: 'p1', result: 'completed', channel: 'email' },
        '2026-06-02T09:00:00.000Z',
      ),
      ev('follow_up.due', { followUpId: 'f6', caseId: 'case', monthsAfter: 6, dueOn: '2026-12-01' }),
      ev('follow_up.recorded', { followUpId: 'f6', caseId: 'case', monthsAfter: 6, reoffended: false }),
    ]);
    expect(completed.result).toEqual({ kind: 'completed', at: '2026-06-01T09:00:00.000Z' });
    expect(completed.harmedPartyInformed).toEqual([
      { participantId: 'p1', result: 'completed', at: '2026-06-02T09:00:00.000Z' },
    ]);
    expect(completed.followUps).toEqual([{ followUpId: 'f6', monthsAfter: 6, dueOn: '2026-12-01', reoffended: false }]);

    const returned = fold([
      ev('case.returned', { caseId: 'case', reasonCode: 'no_agreement' }, '2026-04-01T00:00:00.000Z'),
    ]);
    expect(returned.result).toEqual({ kind: 'returned', reasonCode: 'no_agreement', at: '2026-04-01T00:00:00.000Z' });
  });

  it('leaves the state untouched for events of other scopes and never mutates it', () => {
    const before = fold([agreement]);
    const snapshot = JSON.parse(JSON.stringify(before));
    expect(outcomeReducer(before, ev('session.completed', {}))).toBe(before);
    outcomeReducer(before, ev('term.fulfilled', { agreementId: 'ag', termId: 't1' }));
    expect(before).toEqual(snapshot);
  });
});
