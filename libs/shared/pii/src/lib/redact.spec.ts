import { generateDataKey } from './data-key';
import { encryptField } from './field-cipher';
import { redactPersonalData, REDACTED } from './redact';

describe('redactPersonalData', () => {
  it('redacts personal properties deeply, whatever their case, and keeps the rest', () => {
    const input = {
      referralId: 'r1',
      parties: [{ role: 'harmed', fullName: 'Ada', contact: { email: 'a@b.c' }, DateOfBirth: '2001-01-01' }],
      notes: 'said something',
      count: 2,
    };
    expect(redactPersonalData(input)).toEqual({
      referralId: 'r1',
      parties: [{ role: 'harmed', fullName: REDACTED, contact: REDACTED, DateOfBirth: REDACTED }],
      notes: REDACTED,
      count: 2,
    });
    expect(input.parties[0].fullName).toBe('Ada');
  });

  it('redacts ciphertexts wherever they appear, also inside a message', () => {
    const ciphertext = encryptField('Ada', generateDataKey());
    expect(redactPersonalData({ anything: ciphertext })).toEqual({ anything: REDACTED });
    expect(redactPersonalData(`bad value ${ciphertext} here`)).toBe(`bad value ${REDACTED} here`);
  });

  it('survives cycles', () => {
    const node: Record<string, unknown> = { email: 'x@y.z', id: 1 };
    node.self = node;
    node.list = [node];
    const out = redactPersonalData(node) as Record<string, unknown>;
    expect(out.email).toBe(REDACTED);
    expect(out.self).toBe(out);
    expect((out.list as unknown[])[0]).toBe(out);
  });

  it('keeps an error readable without its personal data', () => {
    const error = Object.assign(new Error('failed'), { phone: '+31 6 1234' });
    expect(redactPersonalData(error)).toEqual({ name: 'Error', message: 'failed', phone: REDACTED });
  });
});
