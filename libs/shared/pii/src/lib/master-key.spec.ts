import { randomBytes } from 'node:crypto';
import { generateDataKey } from './data-key';
import {
  DEV_MASTER_KEY,
  DEV_MASTER_KEYS,
  isDevMasterKey,
  parseMasterKeys,
  rewrapDataKey,
  unwrapDataKey,
  wrapDataKey,
} from './master-key';
import { UndecryptableError } from './undecryptable.error';

const b64 = (bytes: Buffer) => bytes.toString('base64');

describe('master key wrapping', () => {
  const mk0 = { id: 'mk0', secret: randomBytes(32) };
  const mk1 = { id: 'mk1', secret: randomBytes(32) };

  it('wraps and unwraps a data key', () => {
    const dataKey = generateDataKey();
    const wrapped = wrapDataKey(dataKey, mk1);
    expect(wrapped.masterKeyId).toBe('mk1');
    expect(Buffer.from(wrapped.wrapped, 'base64').includes(dataKey.key)).toBe(false);
    expect(unwrapDataKey(dataKey.keyId, wrapped, [mk1]).key.equals(dataKey.key)).toBe(true);
  });

  it('still unwraps keys wrapped by an older master key after rotation, and re-wraps them under the new one', () => {
    const dataKey = generateDataKey();
    const old = wrapDataKey(dataKey, mk0);
    const ring = parseMasterKeys(`mk1:${b64(mk1.secret)},mk0:${b64(mk0.secret)}`);
    expect(ring.current.id).toBe('mk1');
    expect(unwrapDataKey(dataKey.keyId, old, ring).key.equals(dataKey.key)).toBe(true);
    const rewrapped = rewrapDataKey(dataKey.keyId, old, ring);
    expect(rewrapped.masterKeyId).toBe('mk1');
    expect(unwrapDataKey(dataKey.keyId, rewrapped, [mk1]).key.equals(dataKey.key)).toBe(true);
  });

  it('binds the data key id: a wrapped key copied to another key id does not unwrap', () => {
    const dataKey = generateDataKey();
    const wrapped = wrapDataKey(dataKey, mk0);
    expect(() => unwrapDataKey(generateDataKey().keyId, wrapped, [mk0])).toThrow(UndecryptableError);
  });

  it('refuses an unknown master key, a wrong secret and a tampered wrapping', () => {
    const dataKey = generateDataKey();
    const wrapped = wrapDataKey(dataKey, mk0);
    expect(() => unwrapDataKey(dataKey.keyId, wrapped, [mk1])).toThrow(/not configured/);
    expect(() => unwrapDataKey(dataKey.keyId, wrapped, [{ id: 'mk0', secret: randomBytes(32) }])).toThrow(
      UndecryptableError,
    );
    const bytes = Buffer.from(wrapped.wrapped, 'base64');
    bytes[bytes.length - 1] ^= 1;
    expect(() => unwrapDataKey(dataKey.keyId, { ...wrapped, wrapped: b64(bytes) }, [mk0])).toThrow(UndecryptableError);
  });

  it('parses the master-keys variable with a clear line for each mistake, never the secret', () => {
    expect(() => parseMasterKeys('')).toThrow(/none given/);
    expect(() => parseMasterKeys(undefined)).toThrow(/none given/);
    expect(() => parseMasterKeys(`mk1:${b64(randomBytes(16))}`)).toThrow(/mk1 must decode to 32 bytes .* got 16/);
    expect(() => parseMasterKeys('justbase64')).toThrow(/entry 1 needs/);
    expect(() => parseMasterKeys('mk1:not base64!')).toThrow(/not base64/);
    expect(() => parseMasterKeys(`mk1:${b64(mk1.secret)},mk1:${b64(mk0.secret)}`)).toThrow(/twice/);
    try {
      parseMasterKeys(`mk1:${b64(randomBytes(31))}`);
    } catch (error) {
      expect((error as Error).message).not.toMatch(/[A-Za-z0-9+/]{40}/);
    }
  });

  it('exports a development master key that parses and is recognisable as such', () => {
    const ring = parseMasterKeys(DEV_MASTER_KEYS);
    expect(ring.current.secret.equals(DEV_MASTER_KEY.secret)).toBe(true);
    expect(isDevMasterKey(ring.current)).toBe(true);
    expect(isDevMasterKey(mk1)).toBe(false);
  });
});
