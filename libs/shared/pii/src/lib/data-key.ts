import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@rj/shared/contracts';

export const DATA_KEY_BYTES = 32;

/**
 * A referral's data key (architecture.md, Personal data and erasure): every personal field of
 * one referral is encrypted under it, so deleting it erases them all, everywhere, at once.
 * It lives only in intake's key store (wrapped by the master key) and briefly in memory.
 */
export interface DataKey {
  keyId: string;
  key: Buffer;
}

export function generateDataKey(now: number = Date.now()): DataKey {
  return { keyId: uuidv7(now), key: randomBytes(DATA_KEY_BYTES) };
}

/** AES-256 needs exactly 32 bytes; a shorter key is a bug, never something to pad. */
export function assertKeyBytes(key: Buffer, what: string): void {
  if (!Buffer.isBuffer(key) || key.length !== DATA_KEY_BYTES) {
    throw new RangeError(
      `${what} must be ${DATA_KEY_BYTES} bytes, got ${Buffer.isBuffer(key) ? key.length : typeof key}`,
    );
  }
}
