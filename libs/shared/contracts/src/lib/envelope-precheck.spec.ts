import fc from 'fast-check';
import { envelopeShapeIsCertainlyValid } from './envelope-precheck';
import { envelopeShapeErrors } from './envelope-schema';
import { uuidv7 } from './uuid';

function validEnvelope(): Record<string, unknown> {
  return {
    id: uuidv7(),
    type: 'offer.made',
    version: 1,
    occurredAt: '2026-12-06T10:00:00.000Z',
    aggregateType: 'offer',
    aggregateId: uuidv7(),
    referralId: uuidv7(),
    actor: { sub: 'partner-matching', role: 'service', org: null },
    correlationId: uuidv7(),
    causationId: uuidv7(),
    data: { offerId: uuidv7() },
  };
}

const emoji = '\u{1F600}';
/** Values that sit on or just past the edges class-validator draws. */
const EDGES: unknown[] = [
  null,
  undefined,
  '',
  ' ',
  'x'.repeat(50),
  'x'.repeat(51),
  'x'.repeat(100),
  'x'.repeat(101),
  'x'.repeat(200),
  'x'.repeat(201),
  emoji.repeat(100),
  emoji.repeat(101),
  0,
  1,
  -1,
  1.5,
  '1',
  true,
  [],
  {},
  { offerId: 'x' },
  '2026-12-06',
  '2026-12-06T10:00:00Z',
  '2026-02-30T10:00:00Z',
  '2026-12-06T25:00:00Z',
  'not a date',
  '00000000-0000-0000-0000-000000000000',
  '0195f000-0000-7000-8000-000000000001',
  'admin',
  'service',
  'wizard',
];
const edgeValue = fc.oneof(fc.constantFrom(...EDGES), fc.jsonValue({ maxDepth: 1 }));
const ENVELOPE_FIELDS = ['id', 'type', 'version', 'occurredAt', 'aggregateType', 'aggregateId', 'referralId'];
const ENVELOPE_KEYS = [...ENVELOPE_FIELDS, 'actor', 'correlationId', 'causationId', 'data', 'extra', '__proto__'];
const ACTOR_KEYS = ['sub', 'role', 'org', 'extra'];
const envelopeKey = fc.constantFrom(...ENVELOPE_KEYS);
const actorKey = fc.constantFrom(...ACTOR_KEYS);
const change = fc.oneof(
  fc.record({ at: fc.constant('envelope' as const), key: envelopeKey, value: edgeValue, remove: fc.boolean() }),
  fc.record({ at: fc.constant('actor' as const), key: actorKey, value: edgeValue, remove: fc.boolean() }),
);

/** A copy as JSON.parse would hand it to a consumer, with the changes made. */
function changed(changes: { at: 'envelope' | 'actor'; key: string; value: unknown; remove: boolean }[]): unknown {
  const envelope = validEnvelope();
  for (const { at, key, value, remove } of changes) {
    const target = at === 'envelope' ? envelope : (envelope.actor as Record<string, unknown>);
    if (typeof target !== 'object' || target === null || Array.isArray(target)) continue;
    if (remove) delete target[key];
    else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return JSON.parse(JSON.stringify(envelope));
}

describe('envelopeShapeIsCertainlyValid', () => {
  it('takes the fast path for the envelopes the services write', () => {
    expect(envelopeShapeIsCertainlyValid(validEnvelope())).toBe(true);
    expect(envelopeShapeIsCertainlyValid({ ...validEnvelope(), referralId: null, causationId: null })).toBe(true);
    const platformActor = { ...validEnvelope(), actor: { sub: 'admin-1', role: 'admin' } };
    expect(envelopeShapeIsCertainlyValid(platformActor)).toBe(true);
  });

  it('agrees with class-validator on every single field set to every edge value or removed', () => {
    const cases = [
      ...ENVELOPE_KEYS.map((key) => ({ at: 'envelope' as const, key })),
      ...ACTOR_KEYS.map((key) => ({ at: 'actor' as const, key })),
    ].flatMap((place) => [
      { ...place, value: undefined, remove: true },
      ...EDGES.map((value) => ({ ...place, value, remove: false })),
    ]);
    const verdicts = cases.map((one) => {
      const envelope = changed([one]) as object;
      return {
        ...one,
        fast: envelopeShapeIsCertainlyValid(envelope),
        refused: envelopeShapeErrors(envelope).length > 0,
      };
    });
    expect(verdicts.filter((v) => v.fast && v.refused)).toEqual([]);
    // Stricter than class-validator on one shape JSON.parse can make and no service writes: an
    // own "__proto__" key. It goes to class-validator, which lets it through as before.
    const stricter = (v: (typeof verdicts)[number]) => v.key === '__proto__';
    expect(verdicts.filter((v) => !v.fast && !v.refused && !stricter(v))).toEqual([]);
  });

  it('never calls valid what class-validator refuses, whatever changes come together', () => {
    let certainlyValid = 0;
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 3 }), (changes) => {
        const envelope = changed(changes) as object;
        if (!envelopeShapeIsCertainlyValid(envelope)) return; // class-validator decides these
        certainlyValid++;
        expect(envelopeShapeErrors(envelope)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
    // The changes leave enough envelopes valid for the property to have been tried on them.
    expect(certainlyValid).toBeGreaterThan(300);
  });

  it('refuses what is not an object, an extra field and an actor with an extra field', () => {
    expect(envelopeShapeIsCertainlyValid(null)).toBe(false);
    expect(envelopeShapeIsCertainlyValid([validEnvelope()])).toBe(false);
    expect(envelopeShapeIsCertainlyValid({ ...validEnvelope(), notes: 'x' })).toBe(false);
    const actor = { sub: 'a', role: 'admin', org: null, name: 'Anna' };
    expect(envelopeShapeIsCertainlyValid({ ...validEnvelope(), actor })).toBe(false);
  });
});
