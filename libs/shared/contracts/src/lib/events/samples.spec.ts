import { EVENT_DEFINITIONS } from './index';
import { checkEnvelope } from '../envelope-schema';
import { CIPHERTEXT_PATTERN } from '../personal-data';
import { SAMPLE_EVENTS, sampleEvent, type SampleEventType } from './samples';

const types = EVENT_DEFINITIONS.map((definition) => definition.type) as SampleEventType[];
/** As a consumer receives it: JSON off the wire. */
const wire = (event: unknown) =>
  JSON.parse(JSON.stringify(event)) as { data: Record<string, unknown> } & Record<string, unknown>;

/** Paths of every ciphertext in a value, e.g. `participants.0.guardian.fullName`. */
function ciphertextPaths(value: unknown, path: string[] = []): string[][] {
  if (typeof value === 'string') return CIPHERTEXT_PATTERN.test(value) ? [path] : [];
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, child]) => ciphertextPaths(child, [...path, key]));
  return [];
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const parent = path
    .slice(0, -1)
    .reduce<Record<string, unknown>>((object, key) => object[key] as Record<string, unknown>, target);
  parent[path[path.length - 1]] = value;
}

describe('SAMPLE_EVENTS', () => {
  it('has one sample for every event type of the catalogue, and no other', () => {
    expect(Object.keys(SAMPLE_EVENTS).sort()).toEqual([...types].sort());
  });

  it.each(types)('%s: the sample passes checkEnvelope as a consumer receives it', (type) => {
    const result = checkEnvelope(wire(SAMPLE_EVENTS[type]));
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(types)('%s: an unknown data field fails, so free text cannot slip in', (type) => {
    const event = wire(SAMPLE_EVENTS[type]);
    event.data.notes = 'the harmed party said she was afraid';
    const result = checkEnvelope(event);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toContain('property notes should not exist');
  });

  it.each(types)('%s: a data field of the wrong type fails', (type) => {
    const event = wire(SAMPLE_EVENTS[type]);
    const [firstField] = Object.keys(event.data);
    event.data[firstField] = { nested: 'object' };
    expect(checkEnvelope(event).ok).toBe(false);
  });

  const withCiphertext = types.filter((type) => ciphertextPaths(SAMPLE_EVENTS[type].data).length > 0);
  it('carries ciphertext in referral.submitted (names, contacts, case number)', () => {
    expect(withCiphertext).toEqual(['referral.submitted']);
    expect(ciphertextPaths(SAMPLE_EVENTS['referral.submitted'].data).map((path) => path.join('.'))).toEqual(
      expect.arrayContaining([
        'caseNumber',
        'participants.0.fullName',
        'participants.0.contact.email',
        'participants.1.guardian.fullName',
        'participants.1.counsel.contact.email',
      ]),
    );
  });

  it.each(
    withCiphertext.flatMap((type) =>
      ciphertextPaths(SAMPLE_EVENTS[type].data).map((path) => [type, path.join('.'), path] as const),
    ),
  )('%s: plaintext in the ciphertext field %s fails', (type, _label, path) => {
    const event = wire(SAMPLE_EVENTS[type]);
    setPath(event.data, path, 'Anna de Vries');
    const result = checkEnvelope(event);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join('\n')).toContain('must be ciphertext (pii:1:...), never plaintext');
  });

  it('is deep-frozen, and sampleEvent gives a copy a test may change', () => {
    expect(Object.isFrozen(SAMPLE_EVENTS['referral.submitted'].data.participants[0].contact)).toBe(true);
    const copy = sampleEvent('referral.submitted');
    copy.data.participants[0].interpreter = true;
    expect(SAMPLE_EVENTS['referral.submitted'].data.participants[0].interpreter).toBe(false);
  });

  it('links the samples of one path: the case of the accepted offer is the case of the agreement', () => {
    expect(SAMPLE_EVENTS['case.opened'].data.offerId).toBe(SAMPLE_EVENTS['offer.accepted'].data.offerId);
    expect(SAMPLE_EVENTS['agreement.recorded'].data.caseId).toBe(SAMPLE_EVENTS['case.opened'].data.caseId);
    expect(new Set(Object.values(SAMPLE_EVENTS).map((event) => event.referralId ?? 'none'))).toEqual(
      new Set([SAMPLE_EVENTS['referral.submitted'].referralId, 'none']),
    );
  });
});
