import { CIPHERTEXT_PREFIX, CIPHERTEXT_PATTERN, type Ciphertext } from '@rj/shared/contracts';
import { UndecryptableError } from './undecryptable.error';

/** AES-256-GCM sizes: a 96-bit IV (NIST SP 800-38D's recommended length) and a 128-bit tag. */
export const IV_BYTES = 12;
export const AUTH_TAG_BYTES = 16;

export interface CiphertextParts {
  keyId: string;
  iv: Buffer;
  authTag: Buffer;
  body: Buffer;
}

/** `pii:1:<keyId>:<base64url(iv | authTag | ciphertext)>` (libs/shared/contracts, personal-data.ts). */
export function formatCiphertext(parts: CiphertextParts): Ciphertext {
  const payload = Buffer.concat([parts.iv, parts.authTag, parts.body]).toString('base64url');
  return `${CIPHERTEXT_PREFIX}${parts.keyId}:${payload}` as Ciphertext;
}

export function parseCiphertext(value: unknown): CiphertextParts {
  if (typeof value !== 'string' || !CIPHERTEXT_PATTERN.test(value)) {
    throw new UndecryptableError('malformed', 'not a personal-data ciphertext (pii:1:<keyId>:<payload>)');
  }
  const [, , keyId, payload] = value.split(':');
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + AUTH_TAG_BYTES)
    throw new UndecryptableError('malformed', 'ciphertext payload too short');
  return {
    keyId,
    iv: bytes.subarray(0, IV_BYTES),
    authTag: bytes.subarray(IV_BYTES, IV_BYTES + AUTH_TAG_BYTES),
    body: bytes.subarray(IV_BYTES + AUTH_TAG_BYTES),
  };
}
