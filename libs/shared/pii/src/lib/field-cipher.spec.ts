import fc from 'fast-check';
import { CIPHERTEXT_PATTERN, keyIdOfCiphertext, type Ciphertext } from '@rj/shared/contracts';
import { IV_BYTES, parseCiphertext } from './ciphertext-format';
import { generateDataKey } from './data-key';
import { decryptField, encryptField } from './field-cipher';
import { UndecryptableError } from './undecryptable.error';

function flipByteOfPayload(ciphertext: string, byteIndex: number): string {
  const [a, b, keyId, payload] = ciphertext.split(':');
  const bytes = Buffer.from(payload, 'base64url');
  bytes[byteIndex % bytes.length] ^= 0x01;
  return [a, b, keyId, bytes.toString('base64url')].join(':');
}

describe('field cipher', () => {
  const dataKey = generateDataKey();

  it('decrypts what it encrypted', () => {
    const ciphertext = encryptField('Ada Lovelace', dataKey);
    expect(decryptField(ciphertext, dataKey)).toBe('Ada Lovelace');
  });

  it('writes the contract format pii:1:<keyId>:<payload>, carrying the key id', () => {
    const ciphertext = encryptField('x', dataKey);
    expect(ciphertext).toMatch(CIPHERTEXT_PATTERN);
    expect(keyIdOfCiphertext(ciphertext)).toBe(dataKey.keyId);
    expect(encryptField('', dataKey)).toMatch(CIPHERTEXT_PATTERN);
  });

  it('uses a fresh IV: the same plaintext encrypts differently each time', () => {
    expect(encryptField('same', dataKey)).not.toBe(encryptField('same', dataKey));
  });

  it('never hands out an IV twice, across many refills of its pool of random bytes', () => {
    const ivs = Array.from({ length: 2000 }, () => parseCiphertext(encryptField('same', dataKey)).iv.toString('hex'));
    expect(new Set(ivs).size).toBe(ivs.length);
    expect(ivs.every((iv) => iv.length === IV_BYTES * 2)).toBe(true);
  });

  it('detects tampering: any flipped byte throws UndecryptableError', () => {
    const ciphertext = encryptField('Grace Hopper', dataKey);
    const length = Buffer.from(ciphertext.split(':')[3], 'base64url').length;
    for (let index = 0; index < length; index++) {
      expect(() => decryptField(flipByteOfPayload(ciphertext, index), dataKey)).toThrow(UndecryptableError);
    }
  });

  it('refuses a key of another id, and another key under the right id', () => {
    const ciphertext = encryptField('secret', dataKey);
    const other = generateDataKey();
    expect(() => decryptField(ciphertext, other)).toThrow(expect.objectContaining({ reason: 'key_mismatch' }));
    expect(() => decryptField(ciphertext, { keyId: dataKey.keyId, key: other.key })).toThrow(
      expect.objectContaining({ reason: 'tampered_or_wrong_key' }),
    );
  });

  it('binds the key id: a ciphertext relabelled with another key id does not decrypt', () => {
    const ciphertext = encryptField('secret', dataKey);
    const other = generateDataKey();
    const relabelled = ciphertext.replace(dataKey.keyId, other.keyId);
    // Even with the right key bytes, the key id in the associated data no longer matches.
    expect(() => decryptField(relabelled, dataKey.key)).toThrow(UndecryptableError);
  });

  it('binds an extra context when given one', () => {
    const ciphertext = encryptField('secret', dataKey, 'parties[0].fullName');
    expect(decryptField(ciphertext, dataKey, 'parties[0].fullName')).toBe('secret');
    expect(() => decryptField(ciphertext, dataKey, 'parties[1].fullName')).toThrow(UndecryptableError);
    expect(() => decryptField(ciphertext, dataKey)).toThrow(UndecryptableError);
  });

  it('decrypts with the raw key bytes fetched for the ciphertext key id', () => {
    expect(decryptField(encryptField('secret', dataKey), dataKey.key)).toBe('secret');
  });

  it('refuses malformed input without echoing it', () => {
    for (const bad of ['Ada Lovelace', 'pii:1:nope:abc', '', 'pii:2:' + dataKey.keyId + ':' + 'A'.repeat(40)]) {
      try {
        decryptField(bad as Ciphertext, dataKey);
        throw new Error('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(UndecryptableError);
        expect((error as Error).message).not.toContain('Ada');
      }
    }
  });

  it('round-trips any unicode string and never shows the plaintext in the ciphertext', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (plaintext) => {
        const ciphertext = encryptField(plaintext, dataKey);
        expect(ciphertext).toMatch(CIPHERTEXT_PATTERN);
        expect(decryptField(ciphertext, dataKey)).toBe(plaintext);
        if (plaintext.length >= 4) expect(ciphertext).not.toContain(plaintext);
      }),
      { numRuns: 300 },
    );
  });
});
