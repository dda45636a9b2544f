import fc from 'fast-check';
import { getMetadataStorage } from 'class-validator';
import { createValidationPipe } from '@rj/shared/service';
import { referralBody } from '../../test/referral-body';
import { CreateReferralDto, OffenseDto } from './create-referral.dto';
import { precheckReferralBody } from './create-referral.precheck';
import { ContactDto, PartyDto, RepresentativeDto } from './party.dto';

/** The strict pipe alone (no precheck is registered here): class-validator's answer. */
const strict = createValidationPipe();
const classValidator = (value: unknown) =>
  strict.transform(value, { type: 'body', metatype: CreateReferralDto }).then(
    (dto) => ({ ok: true as const, dto }),
    () => ({ ok: false as const }),
  );

type Path = (string | number)[];
/** A copy as the body parser would hand it over. */
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
function withChange(base: unknown, path: Path, change: { value: unknown } | 'remove'): unknown {
  const body = asJson(base);
  let node: any = body;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return body;
    node = node[key];
  }
  if (node === null || typeof node !== 'object') return body;
  const last = path[path.length - 1];
  if (change === 'remove') delete node[last];
  else node[last] = change.value;
  return body;
}

const emoji = '\u{1F600}';
const text = (n: number) => 'x'.repeat(n);
const anyJson = fc.jsonValue({ maxDepth: 2 });
const name = fc.constantFrom('A', ' ', '', text(200), text(201), emoji.repeat(200), emoji.repeat(101), 'Ö\u0308');
const date = fc.constantFrom('2024-02-29', '2025-02-29', '2025-1-1', '2025-01-15', '1980-04-02T00:00:00Z', '');
const freeText = fc.constantFrom(null, '', text(4000), text(4001), emoji.repeat(4000), emoji.repeat(2001));
const email = fc.constantFrom(null, '', 'a@b.co', 'anna@example.org', 'a b@example.org', `${text(245)}@ex.org`);
const channels = fc.constantFrom([], ['email'], ['sms'], ['phone', 'sms'], ['email', 'email'], ['fax'], 'email');
const contact = fc.record(
  { email, phone: fc.constantFrom(null, '+31 6 1', '+31 6 12345678', 'call me'), safeChannels: channels },
  { requiredKeys: [] },
);
/** Values for each field, valid and invalid alike: what matters is that both judges agree. */
const CANDIDATES: [string, fc.Arbitrary<unknown>][] = [
  ['source', fc.constantFrom('prosecutor', 'court', 'nobody', 1)],
  ['caseNumber', fc.constantFrom('P-1', ' ', '', text(100), text(101), emoji.repeat(100), emoji.repeat(51), 7)],
  ['jurisdiction', fc.constantFrom('NL-NH', 'NL NH', '', text(65))],
  ['offense', fc.oneof(anyJson, fc.constant({ code: 'X', category: 'y', severity: 'felony' }))],
  ['offense.code', fc.constantFrom('SR-350', 'a b', '')],
  ['offense.description', freeText],
  ['offense.extra', anyJson],
  ['incidentDate', date],
  ['stage', fc.constantFrom('pre_trial', 'pre_charge', 'later')],
  ['protectiveOrder', fc.constantFrom(true, false, 'true', 0)],
  ['reportBackBy', date],
  ['notes', freeText],
  ['unknown', anyJson],
  ['parties', fc.oneof(anyJson, fc.constant([]))],
  ['parties.2', fc.oneof(anyJson, fc.constant(referralBody().parties[0]))],
  ['parties.0.role', fc.constantFrom('harmed', 'responsible', 'witness')],
  ['parties.0.fullName', name],
  ['parties.0.dateOfBirth', fc.oneof(date, fc.constant(null))],
  ['parties.0.minor', fc.constantFrom(true, false, null)],
  ['parties.0.contact', fc.oneof(contact, anyJson)],
  ['parties.0.contact.email', email],
  ['parties.0.contact.safeChannels', channels],
  ['parties.0.preferredLanguage', fc.constantFrom('nl', 'pt-BR', 'NL', 'dutch')],
  ['parties.0.interpreter', fc.constantFrom(true, 'no')],
  ['parties.0.accessibilityNeeds', freeText],
  ['parties.0.extra', anyJson],
  ['parties.1.guardian', fc.oneof(anyJson, fc.constant(null), fc.record({ fullName: name, contact }))],
  ['parties.1.guardian.fullName', name],
  ['parties.1.counsel', fc.oneof(anyJson, fc.constant(null))],
  ['parties.1.counsel.contact', fc.oneof(contact, anyJson)],
  ['parties.1.counsel.contact.phone', fc.constantFrom(null, '12', '+31 (0)6-1234.5678')],
];
const REMOVABLE = [
  'source',
  'offense',
  'offense.description',
  'notes',
  'parties.0.dateOfBirth',
  'parties.0.contact',
  'parties.0.contact.email',
  'parties.0.accessibilityNeeds',
  'parties.1.guardian',
  'parties.1.counsel',
];
const toPath = (dotted: string): Path => dotted.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
const change = fc.oneof(
  fc
    .constantFrom(...CANDIDATES)
    .chain(([field, values]) => values.map((value) => ({ path: toPath(field), change: { value } }))),
  fc.constantFrom(...REMOVABLE).map((field) => ({ path: toPath(field), change: 'remove' as const })),
);

describe('the precompiled referral body check (issue 15)', () => {
  it('passes the valid body, building the very DTO class-transformer builds', async () => {
    const body = referralBody();
    const fast = precheckReferralBody(asJson(body));
    const slow = await classValidator(asJson(body));
    expect(slow.ok && slow.dto).toBeInstanceOf(CreateReferralDto);
    expect(fast).toStrictEqual(slow.ok && slow.dto);
    expect(fast?.parties[1].guardian).toBeInstanceOf(RepresentativeDto);
  });

  it('never passes a body class-validator refuses, and passes the same DTO where both pass', async () => {
    let passed = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(change, { maxLength: 3 }), async (changes) => {
        const body = changes.reduce<unknown>((b, c) => withChange(b, c.path, c.change), referralBody());
        const fast = precheckReferralBody(asJson(body));
        const slow = await classValidator(asJson(body));
        if (fast === undefined) return;
        passed++;
        expect(slow.ok).toBe(true);
        expect(fast).toStrictEqual(slow.ok && slow.dto);
      }),
      { numRuns: 2000 },
    );
    // It is a fast path, not a refusal of everything: many changed bodies stay valid.
    expect(passed).toBeGreaterThan(200);
  });

  it('knows every rule the DTOs declare: change a decorator, change the precheck with it', () => {
    const rules = (type: abstract new () => unknown) => {
      const byProperty: Record<string, string[]> = {};
      for (const m of getMetadataStorage().getTargetValidationMetadatas(type as new () => unknown, '', true, false)) {
        const args = (m.constraints ?? [])
          .filter((c) => typeof c !== 'function' && c !== undefined)
          .map((c) =>
            c instanceof RegExp || Array.isArray(c) ? String(c) : typeof c === 'object' ? JSON.stringify(c) : String(c),
          );
        (byProperty[m.propertyName] ??= []).push(`${m.name ?? m.type}${m.each ? '[each]' : ''}(${args.join(', ')})`);
      }
      return Object.fromEntries(Object.entries(byProperty).map(([property, list]) => [property, list.sort()]));
    };
    const CODE = '/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/';
    const DATE = ['isIso8601({"strict":true})', 'matches(/^\\d{4}-\\d{2}-\\d{2}$/)'];
    const TEXT = ['isOptional()', 'isString()', 'maxLength(4000)'];
    const NAME = ['isLength(1, 200)', 'isString()', 'matches(/\\S/)'];
    const NESTED = ['isDefined()', 'isObject()', 'nestedValidation()'];
    const OPTIONAL_NESTED = ['isObject()', 'isOptional()', 'nestedValidation()'];
    expect(rules(CreateReferralDto)).toEqual({
      source: ['isIn(prosecutor,police,court,probation,victim_request)'],
      caseNumber: ['isLength(1, 100)', 'isString()', 'matches(/\\S/)'],
      jurisdiction: [`matches(${CODE})`],
      offense: NESTED,
      incidentDate: DATE,
      stage: ['isIn(pre_charge,pre_trial,post_conviction)'],
      protectiveOrder: ['isBoolean()'],
      reportBackBy: DATE,
      parties: ['arrayMaxSize(20)', 'arrayMinSize(2)', 'isArray()', 'isObject[each]()', 'nestedValidation[each]()'],
      notes: TEXT,
    });
    expect(rules(OffenseDto)).toEqual({
      code: [`matches(${CODE})`],
      category: [`matches(${CODE})`],
      severity: ['isIn(infraction,misdemeanor,felony)'],
      description: TEXT,
    });
    expect(rules(PartyDto)).toEqual({
      role: ['isIn(harmed,responsible)'],
      fullName: NAME,
      dateOfBirth: [DATE[0], 'isOptional()', DATE[1]],
      minor: ['isBoolean()'],
      guardian: OPTIONAL_NESTED,
      contact: NESTED,
      preferredLanguage: ['matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/)'],
      interpreter: ['isBoolean()'],
      accessibilityNeeds: TEXT,
      counsel: OPTIONAL_NESTED,
    });
    expect(rules(RepresentativeDto)).toEqual({ fullName: NAME, contact: NESTED });
    expect(rules(ContactDto)).toEqual({
      email: ['isEmail()', 'isOptional()', 'maxLength(254)'],
      phone: ['isOptional()', 'isString()', 'matches(/^\\+?[0-9][0-9 ().-]{2,30}$/)'],
      safeChannels: ['arrayMaxSize(3)', 'arrayUnique()', 'isArray()', 'isConsistent()', 'isIn[each](email,sms,phone)'],
    });
  });
});
