import fc from 'fast-check';
import {
  CODE_PATTERN,
  LANGUAGE_PATTERN,
  OFFENSE_SEVERITIES,
  PARTY_ROLES,
  REFERRAL_SOURCES,
  SAFE_CHANNELS,
  STAGES,
} from '@rj/shared/contracts';
import { httpRequest } from '@rj/shared/testing';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

/**
 * Property-based fuzzing of `POST /api/referrals` (issue #3, Proof): thousands of malformed
 * bodies are answered 400 (or 413 over the limit) as problem+json — never a 5xx — and none
 * of them stores anything. Every generated body is invalid by construction: each mutation
 * breaks a field, drops a required one, adds an unknown one or breaks a rule across fields,
 * and no later mutation can repair an earlier one.
 */
type Path = (string | number)[];
type Mutation = { kind: 'set'; path: Path; value: unknown } | { kind: 'remove'; path: Path };

const BODY_LIMIT_BYTES = 16 * 1024;
const json = fc.jsonValue({ maxDepth: 2 });
const notString = json.filter((value) => typeof value !== 'string');
const notBoolean = json.filter((value) => typeof value !== 'boolean');
const notNullish = <T>(arb: fc.Arbitrary<T>) => arb.filter((value) => value !== null && value !== undefined);
const notIn = (allowed: readonly string[]) =>
  fc.oneof(
    notNullish(notString),
    fc.string({ maxLength: 30 }).filter((s) => !allowed.includes(s)),
  );
const notCode = fc.oneof(
  notNullish(notString),
  fc.string({ maxLength: 80 }).filter((s) => !CODE_PATTERN.test(s)),
);
const notDate = fc.oneof(
  notNullish(notString),
  fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
  fc.constantFrom('2025-02-30', '2025-13-01', '2025-1-1'),
);
const notName = fc.oneof(
  notNullish(notString),
  fc.constantFrom('', '   ', '\t\n'),
  fc.string({ minLength: 201, maxLength: 260 }),
);
const notText = fc.oneof(notNullish(notString), fc.string({ minLength: 4001, maxLength: 4100 }));
const notLanguage = fc.oneof(
  notNullish(notString),
  fc.string({ maxLength: 12 }).filter((s) => !LANGUAGE_PATTERN.test(s)),
);
const notEmail = fc.oneof(
  notNullish(notString),
  fc.constantFrom('', 'anna', 'anna@', '@example.org', 'a b@example.org'),
);
const notChannels = fc.oneof(
  notNullish(json.filter((v) => !Array.isArray(v))),
  fc.array(notIn(SAFE_CHANNELS), { minLength: 1, maxLength: 3 }),
  fc.constant(['email', 'email']),
);
/** Anything but a plain object: arrays (empty ones too) and scalars. */
const notObject = fc.oneof(
  notNullish(json.filter((v) => typeof v !== 'object' || Array.isArray(v))),
  fc.constant([]),
  fc.array(json, { maxLength: 2 }),
);
const notParties = fc.oneof(
  notNullish(json.filter((v) => !Array.isArray(v))),
  fc.constant([]),
  fc.array(json, { minLength: 1, maxLength: 3 }),
  fc.constant([[], []]),
);

const party = (i: 0 | 1) => ({
  [`parties.${i}.role`]: notIn(PARTY_ROLES),
  [`parties.${i}.fullName`]: notName,
  [`parties.${i}.minor`]: notBoolean,
  [`parties.${i}.dateOfBirth`]: notDate,
  [`parties.${i}.contact`]: notObject,
  [`parties.${i}.contact.email`]: notEmail,
  [`parties.${i}.contact.safeChannels`]: notChannels,
  [`parties.${i}.preferredLanguage`]: notLanguage,
  [`parties.${i}.interpreter`]: notBoolean,
  [`parties.${i}.accessibilityNeeds`]: notText,
});

/** For each field, values that are never valid there. */
const INVALID: Record<string, fc.Arbitrary<unknown>> = {
  source: notIn(REFERRAL_SOURCES),
  caseNumber: fc.oneof(notNullish(notString), fc.constantFrom('', ' '), fc.string({ minLength: 101, maxLength: 120 })),
  jurisdiction: notCode,
  offense: notObject,
  'offense.code': notCode,
  'offense.category': notCode,
  'offense.severity': notIn(OFFENSE_SEVERITIES),
  'offense.description': notText,
  incidentDate: fc.oneof(notDate, fc.constantFrom('2999-01-01', '2100-06-30')),
  stage: notIn(STAGES),
  protectiveOrder: notBoolean,
  reportBackBy: fc.oneof(notDate, fc.constantFrom('2000-01-01', '2024-12-31')),
  parties: notParties,
  notes: notText,
  ...party(0),
  ...party(1),
  'parties.0': notObject,
  'parties.1': notObject,
  'parties.1.guardian': notObject,
  'parties.1.guardian.contact': notObject,
  'parties.1.counsel': notObject,
  'parties.1.counsel.contact': notObject,
  'parties.1.guardian.fullName': notName,
  'parties.1.counsel.fullName': notName,
  'parties.1.counsel.contact.safeChannels': notChannels,
};
const REQUIRED = [
  'source',
  'caseNumber',
  'jurisdiction',
  'offense',
  'offense.code',
  'offense.category',
  'offense.severity',
  'incidentDate',
  'stage',
  'protectiveOrder',
  'reportBackBy',
  'parties',
  'parties.0.role',
  'parties.0.fullName',
  'parties.0.minor',
  'parties.0.contact',
  'parties.0.contact.safeChannels',
  'parties.0.preferredLanguage',
  'parties.0.interpreter',
  'parties.1.guardian',
  'parties.1.guardian.fullName',
  'parties.1.guardian.contact',
  'parties.1.counsel.contact',
];
const OBJECTS = [
  '',
  'offense',
  'parties.0',
  'parties.0.contact',
  'parties.1',
  'parties.1.guardian',
  'parties.1.guardian.contact',
  'parties.1.counsel',
];
const KNOWN = new Set([
  'source',
  'caseNumber',
  'jurisdiction',
  'offense',
  'incidentDate',
  'stage',
  'protectiveOrder',
  'reportBackBy',
  'parties',
  'notes',
  'code',
  'category',
  'severity',
  'description',
  'role',
  'fullName',
  'dateOfBirth',
  'minor',
  'guardian',
  'contact',
  'preferredLanguage',
  'interpreter',
  'accessibilityNeeds',
  'counsel',
  'email',
  'phone',
  'safeChannels',
]);

const toPath = (dotted: string): Path =>
  dotted ? dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)) : [];
const unknownKey = fc
  .oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'id', 'status', 'officeId'),
    fc.string({ minLength: 1, maxLength: 16 }),
  )
  .filter((key) => !KNOWN.has(key));

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .constantFrom(...Object.keys(INVALID))
      .chain((field) => INVALID[field].map((value): Mutation => ({ kind: 'set', path: toPath(field), value }))),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(...REQUIRED).map((field): Mutation => ({ kind: 'remove', path: toPath(field) })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...OBJECTS), unknownKey, json)
      .map(([at, key, value]): Mutation => ({ kind: 'set', path: [...toPath(at), key], value })),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Mutation>(
      { kind: 'set', path: ['parties', 0, 'role'], value: 'responsible' },
      { kind: 'set', path: ['parties', 1, 'role'], value: 'harmed' },
      { kind: 'set', path: ['parties', 0, 'minor'], value: true },
      { kind: 'set', path: ['parties', 0, 'counsel'], value: { fullName: 'C', contact: { safeChannels: [] } } },
      { kind: 'set', path: ['parties', 0, 'dateOfBirth'], value: '2015-01-01' },
      { kind: 'set', path: ['parties', 1, 'contact', 'safeChannels'], value: ['email'] },
    ),
  },
);

/** Applies mutations to a copy, keeping JSON's own-property semantics (`__proto__` included). */
function mutate(base: unknown, mutations: Mutation[]): unknown {
  const body = JSON.parse(JSON.stringify(base));
  for (const m of mutations) {
    let node: any = body;
    for (const key of m.path.slice(0, -1)) {
      if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) {
        node = undefined;
        break;
      }
      node = node[key];
    }
    if (node === null || typeof node !== 'object') continue;
    const last = m.path[m.path.length - 1];
    if (m.kind === 'remove') delete node[last];
    else Object.defineProperty(node, last, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return body;
}

describe('referral-intake: fuzzing the referral body', () => {
  let intake: IntakeHarness;
  let prosecutor: string;
  let before: { referrals: number; outbox: number };

  const counts = async () => {
    const [row] = await intake.dataSource.query(
      'select (select count(*)::int from referral) as referrals, (select count(*)::int from outbox) as outbox',
    );
    return row as { referrals: number; outbox: number };
  };
  const post = (body: string) =>
    httpRequest(`${intake.url}/api/referrals`, 'POST', {
      token: prosecutor,
      body,
      headers: { 'content-type': 'application/json' },
    });
  const refused = (response: { status: number; headers: Headers }, allowed = [400]) => {
    expect(allowed).toContain(response.status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  };

  beforeAll(async () => {
    intake = await startIntakeHarness({ BODY_LIMIT: `${BODY_LIMIT_BYTES / 1024}kb` });
    prosecutor = (await intake.registerOffice(['NL-NH'])).prosecutor;
    before = await counts();
  });
  afterAll(() => intake?.close());

  it('answers the valid base body 201 (the mutations below are what make them invalid)', async () => {
    const response = await post(JSON.stringify(referralBody()));
    expect(response.status).toBe(201);
    before = await counts();
  });

  it('refuses mutated bodies with 400 (or 413), never a 5xx, naming at least one field', async () => {
    const base = referralBody();
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
        const text = JSON.stringify(mutate(base, mutations));
        const response = await post(text);
        refused(response, Buffer.byteLength(text) > BODY_LIMIT_BYTES ? [413] : [400]);
        if (response.status === 400) expect(response.body.errors?.length ?? 0).toBeGreaterThan(0);
      }),
      { numRuns: 1600 },
    );
  });

  it('refuses any other JSON value and any non-JSON text with 400', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 4 }), async (value) => refused(await post(JSON.stringify(value)))),
      { numRuns: 400 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 200 }).filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        }),
        async (text) => refused(await post(text)),
      ),
      { numRuns: 200 },
    );
  });

  it('refuses bodies over the limit with 413', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: BODY_LIMIT_BYTES + 1, max: 4 * BODY_LIMIT_BYTES }), async (size) => {
        refused(await post(JSON.stringify({ ...referralBody(), notes: 'x'.repeat(size) })), [413]);
      }),
      { numRuns: 20 },
    );
  });

  it('stored nothing for any of them', async () => {
    expect(await counts()).toEqual(before);
  });
});
