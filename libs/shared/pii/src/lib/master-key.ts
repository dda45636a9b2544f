import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AUTH_TAG_BYTES, IV_BYTES } from './ciphertext-format';
import { assertKeyBytes, DATA_KEY_BYTES, type DataKey } from './data-key';
import { UndecryptableError } from './undecryptable.error';

/**
 * The master key wraps data keys in intake's key store (architecture.md: "each key wrapped by
 * the master key from configuration or a KMS"), so a copy of the key table alone reads nothing.
 */
export interface MasterKey {
  id: string;
  secret: Buffer;
}

/** The current key wraps; every listed key unwraps, so old wrappings survive a rotation. */
export interface MasterKeyRing {
  current: MasterKey;
  byId: ReadonlyMap<string, MasterKey>;
}

export interface WrappedDataKey {
  masterKeyId: string;
  /** base64(iv | authTag | encrypted data key). */
  wrapped: string;
}

const MASTER_KEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * For development and tests only: its secret is public. The config lib refuses it in
 * production (see isDevMasterKey).
 */
export const DEV_MASTER_KEY: MasterKey = Object.freeze({
  id: 'dev0',
  secret: Buffer.from('ZGV2LW9ubHktbWFzdGVyLWtleS1ub3QtZm9yLXByb2Q=', 'base64'),
});
/** DEV_MASTER_KEY in the form of the master-keys variable: `dev0:<base64>`. */
export const DEV_MASTER_KEYS = `${DEV_MASTER_KEY.id}:${DEV_MASTER_KEY.secret.toString('base64')}`;

export function isDevMasterKey(key: MasterKey): boolean {
  return key.id === DEV_MASTER_KEY.id || key.secret.equals(DEV_MASTER_KEY.secret);
}

/** The data key's id is bound in, so a wrapped key copied onto another key id will not unwrap. */
export function wrapDataKey(dataKey: DataKey, masterKey: MasterKey): WrappedDataKey {
  assertKeyBytes(dataKey.key, 'a data key');
  assertKeyBytes(masterKey.secret, `master key ${masterKey.id}`);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', masterKey.secret, iv, { authTagLength: AUTH_TAG_BYTES });
  cipher.setAAD(Buffer.from(dataKey.keyId, 'utf8'));
  const body = Buffer.concat([cipher.update(dataKey.key), cipher.final()]);
  return { masterKeyId: masterKey.id, wrapped: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64') };
}

export function unwrapDataKey(
  keyId: string,
  wrapped: WrappedDataKey,
  masterKeys: MasterKeyRing | readonly MasterKey[],
): DataKey {
  const byId = 'byId' in masterKeys ? masterKeys.byId : new Map(masterKeys.map((key) => [key.id, key]));
  const masterKey = byId.get(wrapped.masterKeyId);
  if (!masterKey) throw new UndecryptableError('key_mismatch', `master key ${wrapped.masterKeyId} is not configured`);
  const bytes = Buffer.from(wrapped.wrapped, 'base64');
  if (bytes.length !== IV_BYTES + AUTH_TAG_BYTES + DATA_KEY_BYTES)
    throw new UndecryptableError('malformed', 'wrapped data key has the wrong length');
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey.secret, bytes.subarray(0, IV_BYTES), {
      authTagLength: AUTH_TAG_BYTES,
    });
    decipher.setAAD(Buffer.from(keyId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + AUTH_TAG_BYTES));
    const key = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + AUTH_TAG_BYTES)), decipher.final()]);
    return { keyId, key };
  } catch {
    throw new UndecryptableError(
      'tampered_or_wrong_key',
      `data key ${keyId} did not unwrap with master key ${masterKey.id}`,
    );
  }
}

/** Rotation: re-wraps under the ring's current key whatever older key wrapped it. */
export function rewrapDataKey(keyId: string, wrapped: WrappedDataKey, ring: MasterKeyRing): WrappedDataKey {
  if (wrapped.masterKeyId === ring.current.id) return wrapped;
  return wrapDataKey(unwrapDataKey(keyId, wrapped, ring), ring.current);
}

/**
 * Parses the master-keys variable `mk1:<base64 of 32 bytes>,mk0:<base64>`: the first is the
 * current key, the rest unwrap older wrappings during a rotation. Each mistake gets one clear
 * line; the secrets themselves never appear in a message.
 */
export function parseMasterKeys(value: string | undefined): MasterKeyRing {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0)
    throw new Error('master keys: none given; expected "<id>:<base64 of 32 bytes>[,<id>:<base64>...]"');
  const keys = entries.map((entry, index) => parseEntry(entry, index));
  const byId = new Map<string, MasterKey>();
  for (const key of keys) {
    if (byId.has(key.id)) throw new Error(`master keys: id ${key.id} is given twice`);
    byId.set(key.id, key);
  }
  return { current: keys[0], byId };
}

function parseEntry(entry: string, index: number): MasterKey {
  const separator = entry.indexOf(':');
  const id = separator < 0 ? '' : entry.slice(0, separator);
  const encoded = separator < 0 ? '' : entry.slice(separator + 1);
  if (!MASTER_KEY_ID.test(id))
    throw new Error(`master keys: entry ${index + 1} needs "<id>:<base64>" with an id of letters, digits, _ or -`);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw new Error(`master keys: ${id} is not base64`);
  const secret = Buffer.from(encoded, 'base64');
  if (secret.length !== DATA_KEY_BYTES) {
    throw new Error(`master keys: ${id} must decode to ${DATA_KEY_BYTES} bytes (AES-256), got ${secret.length}`);
  }
  return { id, secret };
}
