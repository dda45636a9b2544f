import type { EventEnvelope } from '@rj/shared/contracts';
import { foldState, type ReducerSpec } from './fold-state';

const ev = (id: string, type: string, occurredAt: string): EventEnvelope => ({
  id,
  type,
  version: 1,
  occurredAt,
  aggregateType: 'referral',
  aggregateId: 'r',
  referralId: 'r',
  actor: { sub: 's', role: 'prosecutor', org: 'o' },
  correlationId: 'c',
  causationId: null,
  data: {},
});

const types: ReducerSpec<string[]> = { initial: [], reduce: (state, event) => [...state, event.type] };
const counter: ReducerSpec<number> = { initial: 0, reduce: (state) => state + 1 };

const events = [
  ev('1', 'referral.submitted', '2026-01-01T10:00:00Z'),
  ev('2', 'referral.screened', '2026-01-01T10:00:01Z'),
  // Arrived later from another topic, but happened earlier than the next one.
  ev('3', 'offer.made', '2026-01-02T09:00:00+02:00'),
  ev('4', 'offer.accepted', '2026-01-03T00:00:00Z'),
];

describe('foldState', () => {
  it('folds the events that happened at or before the moment through every reducer given', () => {
    const result = foldState(events, '2026-01-02T07:00:00Z', { types, counter });
    expect(result).toEqual({
      at: '2026-01-02T07:00:00.000Z',
      state: { types: ['referral.submitted', 'referral.screened', 'offer.made'], counter: 3 },
      eventsApplied: 3,
      lastEventId: '3',
    });
  });

  it('compares instants, not strings, and includes an event exactly at the moment', () => {
    expect(foldState(events, '2026-01-02T06:59:59Z', { counter }).state.counter).toBe(2);
    expect(foldState(events, new Date('2026-01-03T00:00:00Z'), { counter }).state.counter).toBe(4);
  });

  it('can use the ledger clock instead of the event clock', () => {
    const records = events.map((event, i) => ({ event, recordedAt: `2026-02-0${i + 1}T00:00:00Z` }));
    expect(foldState(records, '2026-02-02T00:00:00Z', { types }, { clock: 'recordedAt' }).state.types).toEqual([
      'referral.submitted',
      'referral.screened',
    ]);
    expect(foldState(records, '2026-01-02T07:00:00Z', { counter }).state.counter).toBe(3);
  });

  it('starts from the initial states before the first event and refuses a bad moment', () => {
    expect(foldState(events, '2025-12-31T00:00:00Z', { types, counter }).state).toEqual({ types: [], counter: 0 });
    expect(() => foldState(events, 'not a time', { counter })).toThrow(/ISO 8601/);
  });
});
