import { isCiphertext } from '@rj/shared/contracts';
import { generateDataKey } from './data-key';
import { decryptFields, encryptFields } from './field-set';

const PATHS = ['parties[].fullName', 'parties[].contact.email', 'parties[].guardian.fullName', 'notes'];

describe('encryptFields / decryptFields', () => {
  const dataKey = generateDataKey();
  const referral = {
    jurisdiction: 'NL-AMS',
    notes: 'asked for a quiet room',
    parties: [
      { role: 'harmed', fullName: 'Ada', contact: { email: 'ada@example.org', safeChannels: ['email'] } },
      {
        role: 'responsible',
        fullName: 'Bob',
        minor: true,
        guardian: { fullName: 'Carol' },
        contact: { safeChannels: [] },
      },
    ],
  };

  it('encrypts exactly the personal paths of nested objects and arrays, leaving the input untouched', () => {
    const encrypted = encryptFields(referral, PATHS, dataKey);
    expect(isCiphertext(encrypted.parties[0].fullName)).toBe(true);
    expect(isCiphertext(encrypted.parties[0].contact.email)).toBe(true);
    expect(isCiphertext(encrypted.parties[1].guardian?.fullName)).toBe(true);
    expect(isCiphertext(encrypted.notes)).toBe(true);
    expect(encrypted.jurisdiction).toBe('NL-AMS');
    expect(encrypted.parties[0].role).toBe('harmed');
    expect('email' in encrypted.parties[1].contact).toBe(false);
    expect(referral.parties[0].fullName).toBe('Ada');
    expect(JSON.stringify(encrypted)).not.toMatch(/Ada|Bob|Carol|quiet room/);
  });

  it('decrypts them back to the original', () => {
    expect(decryptFields(encryptFields(referral, PATHS, dataKey), PATHS, dataKey)).toEqual(referral);
  });

  it('refuses a non-string at a personal path rather than leave it in plaintext', () => {
    expect(() => encryptFields({ notes: 42 }, ['notes'], dataKey)).toThrow(TypeError);
  });

  it('refuses plaintext where ciphertext is expected', () => {
    expect(() => decryptFields({ notes: 'plain' }, ['notes'], dataKey)).toThrow(/not ciphertext/);
  });

  it('keeps null (erased) values as null', () => {
    expect(decryptFields({ notes: null }, ['notes'], dataKey)).toEqual({ notes: null });
  });
});
