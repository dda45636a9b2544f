import { buildEvent, isEvent, jsonIfValidated } from './event-factory';
import { checkEnvelope } from './envelope-schema';
import { OfficeRegistered } from './events/referral/office-registered.event';
import { ReferralWithdrawn } from './events/referral/referral-withdrawn.event';
import { systemActor } from './roles';
import { uuidv7 } from './uuid';

const office = {
  officeId: uuidv7(),
  name: 'North District Prosecutor',
  jurisdictions: ['NL-NH'],
  contact: { email: 'rj@north.example' },
};
const base = {
  aggregateId: office.officeId,
  referralId: null,
  actor: { sub: 'admin-1', role: 'admin' as const, org: null },
  correlationId: uuidv7(),
  causationId: null,
};

describe('buildEvent', () => {
  it('fills id (UUID v7), type, version, aggregate type and time from the definition', () => {
    const event = buildEvent(OfficeRegistered, { ...base, data: office });
    expect(event).toMatchObject({
      type: 'office.registered',
      version: 1,
      aggregateType: 'office',
      aggregateId: office.officeId,
      referralId: null,
      data: office,
    });
    expect(event.id[14]).toBe('7');
    expect(checkEnvelope(event)).toMatchObject({ ok: true });
  });

  it('keeps a given id and time, so an event can be rebuilt deterministically', () => {
    const id = uuidv7();
    const event = buildEvent(OfficeRegistered, { ...base, data: office, id, occurredAt: '2025-03-03T09:00:00.000Z' });
    expect(event).toMatchObject({ id, occurredAt: '2025-03-03T09:00:00.000Z' });
  });

  it('throws, listing every problem, for data that consumers would dead-letter', () => {
    const data = { ...office, name: '', contact: { email: 'not-an-email' }, notes: 'x' } as typeof office;
    const build = () => buildEvent(OfficeRegistered, { ...base, data });
    expect(build).toThrow('invalid office.registered v1 event:');
    for (const problem of [
      'data.notes: property notes should not exist',
      'data.name:',
      'data.contact.email: email must be an email',
    ])
      expect(build).toThrow(problem);
  });

  it('refuses a referral event without its referral, and a referral on an event of none', () => {
    const referralId = uuidv7();
    expect(() =>
      buildEvent(ReferralWithdrawn, { ...base, aggregateId: referralId, data: { reasonCode: 'other' } }),
    ).toThrow('referralId is required for referral.withdrawn');
    expect(() => buildEvent(OfficeRegistered, { ...base, referralId, data: office })).toThrow(
      'referralId must be null for office.registered',
    );
  });

  it('checks the envelope too: a bad actor or correlation id does not reach the outbox', () => {
    const actor = { ...systemActor('referral-intake'), role: 'robot' } as never;
    expect(() => buildEvent(OfficeRegistered, { ...base, actor, correlationId: '', data: office })).toThrow(
      /actor\.role[\s\S]*correlationId/,
    );
  });
});

describe('isEvent', () => {
  it('narrows an envelope to the type and version of a definition', () => {
    const event: { type: string; version: number } = buildEvent(OfficeRegistered, { ...base, data: office });
    expect(isEvent(event, OfficeRegistered)).toBe(true);
    expect(isEvent(event, ReferralWithdrawn)).toBe(false);
    expect(isEvent({ ...event, version: 2 }, OfficeRegistered)).toBe(false);
    if (isEvent(event, OfficeRegistered)) expect(event.data.jurisdictions).toEqual(['NL-NH']);
  });
});

describe('jsonIfValidated (issue 15: validate an event once)', () => {
  it('gives the JSON of an event buildEvent validated and nobody changed since', () => {
    const event = buildEvent(OfficeRegistered, { ...base, data: office });
    expect(jsonIfValidated(event)).toBe(JSON.stringify(event));
  });

  it('gives nothing for an event changed after it was built, so the outbox checks it again', () => {
    const event = buildEvent(OfficeRegistered, { ...base, data: { ...office, contact: { ...office.contact } } });
    event.data.contact.email = 'not-an-email';
    expect(jsonIfValidated(event)).toBeUndefined();
  });

  it('gives nothing for an envelope built by hand, even a copy of a validated one', () => {
    const event = buildEvent(OfficeRegistered, { ...base, data: office });
    expect(jsonIfValidated({ ...event })).toBeUndefined();
  });
});
