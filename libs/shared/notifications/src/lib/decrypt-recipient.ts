/**
 * Turns a participant's `pii:1:` address back into plain text through the key store
 * (libs/shared/pii). Resolves null when the referral's personal data was erased: the key is
 * gone and the mail can never be sent. Rejects when the key store is unreachable, so the job
 * retries (architecture.md, Personal data).
 */
export type DecryptRecipient = (ciphertext: string, referralId: string) => Promise<string | null>;
