import { checkEnvelope } from './envelope-schema';
import { uuidv7 } from './uuid';

function officeRegistered(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}) {
  const officeId = uuidv7();
  return {
    id: uuidv7(),
    type: 'office.registered',
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'office',
    aggregateId: officeId,
    referralId: null,
    actor: { sub: 'admin-1', role: 'admin', org: null },
    correlationId: uuidv7(),
    causationId: null,
    data: {
      officeId,
      name: 'North District Prosecutor',
      jurisdictions: ['NL-NH'],
      contact: { email: 'rj@north.example' },
      ...data,
    },
    ...overrides,
  };
}

describe('checkEnvelope', () => {
  it('accepts a well-formed event of the catalogue', () => {
    expect(checkEnvelope(officeRegistered())).toMatchObject({ ok: true });
  });

  it('rejects an actor that is a list, even an empty one', () => {
    expect(checkEnvelope(officeRegistered({ actor: [] }))).toMatchObject({ ok: false });
  });

  it('rejects an event type that is not in the catalogue', () => {
    const result = checkEnvelope(officeRegistered({ type: 'office.renamed' }));
    expect(result).toMatchObject({ ok: false, errors: ['unknown event type office.renamed v1'] });
  });

  it('rejects unknown data fields so free text cannot slip into an event', () => {
    const result = checkEnvelope(officeRegistered({}, { notes: 'the victim said…' }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.join()).toContain('notes');
  });

  it('rejects a referral id on an event that belongs to no referral', () => {
    const result = checkEnvelope(officeRegistered({ referralId: uuidv7() }));
    expect(!result.ok && result.errors).toContain('referralId must be null for office.registered');
  });

  it('rejects a malformed envelope field by field', () => {
    const result = checkEnvelope(officeRegistered({ id: 'not-a-uuid', occurredAt: 'yesterday' }));
    expect(!result.ok && result.errors.join('\n')).toMatch(/id must be a UUID[\s\S]*occurredAt/);
  });
});
