import { EVENT_CATALOGUE } from '@rj/shared/contracts';
import { EN } from '../messages/en';
import type { LedgerActor, LedgerItem } from './api-shapes';
import { ledgerApiQuery, ledgerUrl, readLedgerFilters } from './ledger-filters';
import { actorInWords, eventLine, splitAccess } from './ledger-words';
import { readMoment } from './referral-history.controller';
import { compareStates } from './state-rows';

const REFERRAL = '0b9d7b43-9f5e-4a57-9a43-4d0f5e6f1a11';

const item = (
  sequence: number,
  eventType: string,
  actor: LedgerActor = { sub: 'prosecutor-1', role: 'prosecutor', org: 'office-1' },
): LedgerItem => ({
  sequence,
  eventId: `e${sequence}`,
  topic: 't',
  eventType,
  aggregateId: REFERRAL,
  referralId: REFERRAL,
  occurredAt: '2026-12-01T10:00:00.000Z',
  recordedAt: '2026-12-01T10:00:01.000Z',
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  event: { type: eventType, actor, data: {} },
});

describe('the ledger in words', () => {
  it('has a sentence for every event type of the catalogue', () => {
    const types = [...new Set([...EVENT_CATALOGUE.values()].map((definition) => definition.type))];
    expect(types.filter((type) => !EN.eventType[type])).toEqual([]);
  });

  it('says what happened and who did it, and keeps reads apart from the story', () => {
    const lines = [
      item(1, 'referral.submitted'),
      item(2, 'personal_data.read', { sub: 'mediator-anna', role: 'mediator', org: 'p-1' }),
      item(3, 'referral.screened', { sub: 'system:referral-intake', role: 'service', org: null }),
    ].map(eventLine);
    expect(lines[0]).toMatchObject({
      sequence: 1,
      sentence: 'The referral was submitted',
      actor: 'Prosecutor prosecutor-1, organisation office-1',
      access: false,
    });
    expect(lines[2].actor).toBe('The platform (referral-intake)');
    const { story, access } = splitAccess(lines);
    expect(story.map((line) => line.sequence)).toEqual([1, 3]);
    expect(access.map((line) => line.sequence)).toEqual([2]);
    expect(actorInWords(undefined)).toBe('Unknown');
  });
});

describe('the ledger search filters', () => {
  it('keeps well-formed filters, turns dates into instants (the end date included) and reports the rest', () => {
    const { filters, errors } = readLedgerFilters({
      type: 'referral.submitted',
      referralId: REFERRAL.toUpperCase(),
      from: '2026-12-01',
      to: '2026-12-31',
      organisationId: 'nope',
      cursor: '40',
    });
    expect(filters).toEqual({
      type: 'referral.submitted',
      referralId: REFERRAL,
      from: '2026-12-01',
      to: '2026-12-31',
      cursor: '40',
    });
    expect(errors).toEqual([{ href: '#organisationId', text: expect.stringMatching(/^Organisation/) }]);
    expect(ledgerApiQuery(filters)).toMatchObject({
      from: '2026-12-01T00:00:00Z',
      to: '2027-01-01T00:00:00.000Z',
      cursor: '40',
    });
    expect(ledgerUrl('/audit/events/export', filters, { format: 'csv' })).toBe(
      `/audit/events/export?type=referral.submitted&referralId=${REFERRAL}&from=2026-12-01&to=2026-12-31&format=csv`,
    );
  });
});

describe('the state at a moment', () => {
  it('reads the moment picked (UTC, to the end of its minute) and refuses a bad one', () => {
    expect(readMoment({ date: '2026-12-01', time: '14:30' }).at).toBe('2026-12-01T14:30:59.999Z');
    expect(readMoment({ date: '2026-12-01' }).at).toBe('2026-12-01T23:59:59.999Z');
    expect(readMoment({ date: '2026-12-01', time: '14:30:15' }).at).toBe('2026-12-01T14:30:15.999Z');
    expect(readMoment({ date: '2026-13-45' }).error).toMatch(/real date/);
    expect(readMoment({ date: '2026-12-01', time: '25:00' }).error).toMatch(/24-hour/);
    expect(readMoment({})).toEqual({ date: '', time: '23:59' });
  });

  it('compares the case then and now field by field, marking what changed', () => {
    const rows = compareStates(
      { referral: { status: 'offered', offers: [{ status: 'pending' }] }, case: null },
      { referral: { status: 'assigned', offers: [{ status: 'accepted' }] }, case: { status: 'open' } },
    );
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        { label: 'Referral › offers 1 › status', then: 'pending', now: 'accepted', changed: true },
        { label: 'Referral › status', then: 'offered', now: 'assigned', changed: true },
        { label: 'Case › status', then: '—', now: 'open', changed: true },
      ]),
    );
    expect(compareStates({ a: 1 }, { a: 1 })).toEqual([{ label: 'A', then: '1', now: '1', changed: false }]);
    expect(compareStates({ referral: { statusHistory: [{ eventId: 'e1' }] } }, null)[0].label).toBe(
      'Referral › status history 1 › event id',
    );
  });
});
