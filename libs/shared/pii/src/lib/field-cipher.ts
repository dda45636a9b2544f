import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Ciphertext } from '@rj/shared/contracts';
import { AUTH_TAG_BYTES, formatCiphertext, IV_BYTES, parseCiphertext } from './ciphertext-format';
import { assertKeyBytes, type DataKey } from './data-key';
import { UndecryptableError } from './undecryptable.error';

const ALGORITHM = 'aes-256-gcm';

// IVs come from a pool of random bytes drawn 4 KiB at a time: one call into the CSPRNG per
// ~340 fields instead of one per field (a submission encrypts 14; issue 15's profile). Each IV
// is still fresh random bytes handed out once; a spent pool is replaced, never rewritten.
const IV_POOL_BYTES = 4096;
let ivPool = Buffer.alloc(0);
let ivPoolOffset = 0;
function freshIv(): Buffer {
  if (ivPoolOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivPoolOffset = 0;
  }
  ivPoolOffset += IV_BYTES;
  return ivPool.subarray(ivPoolOffset - IV_BYTES, ivPoolOffset);
}

/**
 * Encrypts one personal field with the referral's data key (AES-256-GCM, a fresh random IV
 * each time). The key id is bound in as associated data, so a ciphertext relabelled with
 * another key id fails authentication instead of decrypting; `aad` can bind a context too
 * (e.g. the field's path), and must then be given again to decrypt.
 */
export function encryptField(plaintext: string, dataKey: DataKey, aad?: string): Ciphertext {
  assertKeyBytes(dataKey.key, 'a data key');
  const iv = freshIv();
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
