/**
 * Personal data travels only as ciphertext (architecture.md, Personal data and erasure):
 * `pii:1:<keyId>:<base64url(iv | authTag | ciphertext)>`, AES-256-GCM under the referral's
 * data key. The key id lets any holder ask the key store for the key, and makes erasure
 * (deleting the key) turn every copy unreadable at once. Schemas check the shape, so an event
 * carrying a plaintext name fails validation before it reaches the outbox.
 */
export const CIPHERTEXT_PREFIX = 'pii:1:';
export const CIPHERTEXT_PATTERN = /^pii:1:[0-9a-f-]{36}:[A-Za-z0-9_-]{38,}$/;

export type Ciphertext = string & { readonly __personalData: 'encrypted' };

export function isCiphertext(value: unknown): value is Ciphertext {
  return typeof value === 'string' && CIPHERTEXT_PATTERN.test(value);
}

export function keyIdOfCiphertext(value: Ciphertext): string {
  return value.split(':')[2];
}
