import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import fc from 'fast-check';
import { EVENT_CATALOGUE } from './catalogue';
import { defineEvent, eventDataErrors, validateEventData, type EventDefinition } from './define-event';
import { eventDataIsCertainlyValid } from './event-data-precheck';
import { SAMPLE_EVENTS } from './events/samples';
import { Topics } from './topics';

type Json = unknown;
type Path = (string | number)[];

const definitions = [...EVENT_CATALOGUE.values()];
const sampleData = (definition: EventDefinition): Record<string, Json> => {
  const sample = (SAMPLE_EVENTS as Record<string, { data: object } | undefined>)[definition.type];
  if (!sample) throw new Error(`no sample of ${definition.type}`);
  return JSON.parse(JSON.stringify(sample.data)) as Record<string, Json>;
};

/** Every place in a value: objects' keys and arrays' indexes, at any depth. */
function pathsOf(value: Json, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Record<string, Json>)[key], [...prefix, key])]);
}

/** Every leaf of every sample: ids, dates, codes, vocabularies and ciphertexts the schemas draw on. */
function leavesOf(value: Json): Json[] {
  if (value === null || typeof value !== 'object') return [value];
  return Object.values(value).flatMap(leavesOf);
}

const emoji = '\u{1F600}';
const EDGES: Json[] = [
  null,
  undefined,
  '',
  ' ',
  'x'.repeat(100),
  'x'.repeat(201),
  emoji.repeat(60),
  0,
  -1,
  1.5,
  2 ** 53,
  '1',
  true,
  false,
  [],
  [null],
  {},
  { extra: 1 },
  '2026-02-30',
  '2026-12-06T25:00:00Z',
  'not a date',
  '00000000-0000-0000-0000-000000000000',
];
const leafPool = [...new Set(definitions.flatMap((definition) => leavesOf(sampleData(definition))))];
const VALUES = [...EDGES, ...leafPool];

type Change = { path: Path; value: Json; remove: boolean } | { path: Path; extraKey: string };

/** The sample's data with the changes made, as JSON.parse hands it over. */
function changed(definition: EventDefinition, changes: Change[]): object {
  const data = sampleData(definition);
  for (const change of changes) {
    const parent = change.path.slice(0, -1).reduce<Json>((at, key) => (at as Record<string, Json>)?.[key], data);
    if (parent === null || typeof parent !== 'object') continue;
    const target = parent as Record<string | number, Json>;
    const key = change.path[change.path.length - 1];
    if ('extraKey' in change) {
      const inner = target[key];
      if (inner && typeof inner === 'object' && !Array.isArray(inner))
        (inner as Record<string, Json>)[change.extraKey] = 1;
    } else if (change.remove) {
      if (Array.isArray(target)) target.splice(Number(key), 1);
      else delete target[key];
    } else target[key] = change.value;
  }
  return JSON.parse(JSON.stringify(data)) as object;
}

const verdict = (definition: EventDefinition, data: object) => ({
  fast: eventDataIsCertainlyValid(definition.schema, data),
  refused: eventDataErrors(definition, data),
});

describe('eventDataIsCertainlyValid', () => {
  it.each(definitions.map((d) => [`${d.type}@${d.version}`, d] as const))(
    'takes the fast path for the sample of %s',
    (_key, definition) => {
      expect(verdict(definition, sampleData(definition))).toEqual({ fast: true, refused: [] });
    },
  );

  it('agrees with class-validator on every field of every event removed or set to every edge value', () => {
    const disagreements: unknown[] = [];
    let refusedCount = 0;
    for (const definition of definitions) {
      const paths = [[] as Path, ...pathsOf(sampleData(definition))];
      for (const path of paths) {
        const changes: Change[][] = [
          [{ path, extraKey: 'unexpected' }],
          ...(path.length ? [[{ path, value: undefined, remove: true }]] : []),
          ...(path.length ? EDGES.map((value) => [{ path, value, remove: false }]) : []),
        ];
        for (const change of changes) {
          const data = changed(definition, change);
          const { fast, refused } = verdict(definition, data);
          if (refused.length) refusedCount++;
          if (fast && refused.length) disagreements.push({ type: definition.type, change, refused });
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The changes reached the rules: most of them are refused.
    expect(refusedCount).toBeGreaterThan(2000);
  });

  it('never calls valid what class-validator refuses, whatever changes come together', () => {
    let certainlyValid = 0;
    const caseOf = fc.constantFrom(...definitions).chain((definition) => {
      const paths = pathsOf(sampleData(definition));
      const change: fc.Arbitrary<Change> = fc.oneof(
        fc.record({ path: fc.constantFrom(...paths), value: fc.constantFrom(...VALUES), remove: fc.boolean() }),
        fc.record({ path: fc.constantFrom([] as Path, ...paths), extraKey: fc.constantFrom('extra', 'constructor') }),
      );
      return fc.tuple(fc.constant(definition), fc.array(change, { minLength: 1, maxLength: 3 }));
    });
    fc.assert(
      fc.property(caseOf, ([definition, changes]) => {
        const data = changed(definition, changes);
        if (!eventDataIsCertainlyValid(definition.schema, data)) return; // class-validator decides these
        certainlyValid++;
        expect(eventDataErrors(definition, data)).toEqual([]);
      }),
      { numRuns: 4000 },
    );
    // Values taken from other samples keep enough data valid for the property to be tried on it.
    expect(certainlyValid).toBeGreaterThan(200);
  });

  it('leaves data that is not a plain JSON object to class-validator', () => {
    const definition = EVENT_CATALOGUE.get('referral.screened@1')!;
    const data = sampleData(definition);
    expect(eventDataIsCertainlyValid(definition.schema, data)).toBe(true);
    expect(eventDataIsCertainlyValid(definition.schema, Object.assign(new (class Data {})(), data))).toBe(false);
    expect(eventDataIsCertainlyValid(definition.schema, [data])).toBe(false);
    expect(eventDataIsCertainlyValid(definition.schema, { ...data, reasons: [new Date()] })).toBe(false);
  });

  it('compiles schemas it cannot model to "uncertain", and class-validator still decides them', () => {
    class Inner {
      @IsInt() count: number;
    }
    class WithDefault {
      @IsString() name = 'unnamed';
    }
    class WithTransform {
      @Transform(({ value }: { value: unknown }) => String(value)) @IsString() name: string;
    }
    class WithThrowingConstructor {
      @IsString() name: string;
      constructor() {
        throw new Error('not built by class-transformer either');
      }
    }
    class WithOptionalNested {
      @IsOptional() @ValidateNested() @Type(() => Inner) inner?: Inner;
    }
    const event = (schema: new () => object) =>
      defineEvent({
        type: 'test.event',
        version: 1,
        topic: Topics.referral,
        aggregateType: 'test',
        referralScoped: false,
        schema,
      });
    // A default value fills a missing field for class-validator; the check would not see it.
    expect(eventDataIsCertainlyValid(WithDefault, {})).toBe(false);
    expect(validateEventData(event(WithDefault), {})).toEqual([]);
    // A transform changes the value class-validator sees.
    expect(eventDataIsCertainlyValid(WithTransform, { name: 5 })).toBe(false);
    expect(validateEventData(event(WithTransform), { name: 5 })).toEqual([]);
    // A class that cannot even be built is left to class-validator, which reports it its way.
    expect(eventDataIsCertainlyValid(WithThrowingConstructor, { name: 'x' })).toBe(false);
    // Supported shapes: an optional nested object, present or not, checked field by field.
    expect(eventDataIsCertainlyValid(WithOptionalNested, {})).toBe(true);
    expect(eventDataIsCertainlyValid(WithOptionalNested, { inner: { count: 2 } })).toBe(true);
    expect(eventDataIsCertainlyValid(WithOptionalNested, { inner: { count: 'two' } })).toBe(false);
    expect(validateEventData(event(WithOptionalNested), { inner: { count: 'two' } })).toEqual([
      'inner.count: count must be an integer number',
    ]);
  });
});
