/**
 * A ciphertext that cannot be read: malformed, encrypted under another key, tampered with, or
 * its key is gone (erased). The message never contains the ciphertext or any plaintext
 * (conventions.md: personal data never appears in an error message).
 */
export type UndecryptableReason = 'malformed' | 'key_mismatch' | 'tampered_or_wrong_key';

export class UndecryptableError extends Error {
  constructor(
    readonly reason: UndecryptableReason,
    message: string,
  ) {
    super(message);
    this.name = 'UndecryptableError';
  }
}
