import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Ciphertext } from '@rj/shared/contracts';
import { AUTH_TAG_BYTES, formatCiphertext, IV_BYTES, parseCiphertext } from './ciphertext-format';
import { assertKeyBytes, type DataKey } from './data-key';
import { UndecryptableError } from './undecryptable.error';

const ALGORITHM = 'aes-256-gcm';

/**
 * Encrypts one personal field with the referral's data key (AES-256-GCM, a fresh random IV
 * each time). The key id is bound in as associated data, so a ciphertext relabelled with
 * another key id fails authentication instead of decrypting; `aad` can bind a context too
 * (e.g. the field's path), and must then be given again to decrypt.
 */
export function encryptField(plaintext: string, dataKey: DataKey, aad?: string): Ciphertext {
  assertKeyBytes(dataKey.key, 'a data key');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, dataKey.key, iv, { authTagLength: AUTH_TAG_BYTES });
  cipher.setAAD(associatedData(dataKey.keyId, aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return formatCiphertext({ keyId: dataKey.keyId, iv, authTag: cipher.getAuthTag(), body });
}

/**
 * Decrypts with a data key (whose id must match the ciphertext's) or with raw key bytes
 * fetched for the ciphertext's key id. Any tampering — a flipped byte, another key id, another
 * key, another `aad` — throws UndecryptableError, never returns garbage.
 */
export function decryptField(ciphertext: string, key: DataKey | Buffer, aad?: string): string {
  const parts = parseCiphertext(ciphertext);
  const keyBytes = Buffer.isBuffer(key) ? key : key.key;
  if (!Buffer.isBuffer(key) && key.keyId !== parts.keyId) {
    throw new UndecryptableError('key_mismatch', `ciphertext is under key ${parts.keyId}, not ${key.keyId}`);
  }
  assertKeyBytes(keyBytes, 'a data key');
  try {
    const decipher = createDecipheriv(ALGORITHM, keyBytes, parts.iv, { authTagLength: AUTH_TAG_BYTES });
    decipher.setAAD(associatedData(parts.keyId, aad));
    decipher.setAuthTag(parts.authTag);
    return Buffer.concat([decipher.update(parts.body), decipher.final()]).toString('utf8');
  } catch {
    throw new UndecryptableError('tampered_or_wrong_key', `ciphertext under key ${parts.keyId} failed authentication`);
  }
}

function associatedData(keyId: string, aad?: string): Buffer {
  return Buffer.from(aad === undefined ? `pii:1:${keyId}` : `pii:1:${keyId}|${aad}`, 'utf8');
}
