import { keyIdOfCiphertext, isCiphertext, DependencyUnavailable, type Ciphertext } from '@rj/shared/contracts';
import { decryptField } from './field-cipher';
import type { DataKey } from './data-key';

export interface KeyStoreClientOptions {
  /** referral-intake's internal listener, e.g. http://127.0.0.1:4001 (PII_KEY_STORE_URL). */
  baseUrl: string;
  /** A JWT with role `service` (mintServiceToken), refreshed by the caller's factory. */
  serviceToken: () => string;
  /** How long a key stays in memory; never on disk (architecture.md: e.g. 60 s). */
  ttlMs?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

interface CachedKey {
  key: DataKey | null;
  expiresAt: number;
}

/**
 * Fetches referrals' data keys from referral-intake's key store, for services that must
 * decrypt (reminders, partner views after acceptance). Keys stay in memory briefly and are
 * dropped at once on `referral.personal_data_erased` (forget). An erased key reads as null:
 * the personal data is gone. When the key store cannot be reached, DependencyUnavailable
 * (503) — callers retry (jobs) or answer 503 (API reads).
 */
export class KeyStoreClient {
  private readonly cache = new Map<string, CachedKey>();
  private readonly ttlMs: number;

  constructor(private readonly options: KeyStoreClientOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
  }

  async getKey(keyId: string): Promise<DataKey | null> {
    const cached = this.cache.get(keyId);
    if (cached && cached.expiresAt > Date.now()) return cached.key;
    const key = await this.fetchKey(keyId);
    this.cache.set(keyId, { key, expiresAt: Date.now() + (key ? this.ttlMs : 5 * this.ttlMs) });
    return key;
  }

  /** Decrypts one field; null when the referral's personal data was erased. */
  async decrypt(value: string | null | undefined): Promise<string | null> {
    if (value === null || value === undefined) return null;
    if (!isCiphertext(value)) throw new Error('refusing to decrypt a value that is not pii ciphertext');
    const key = await this.getKey(keyIdOfCiphertext(value as Ciphertext));
    return key ? decryptField(value, key) : null;
  }

  /** Drops a key from memory (on `referral.personal_data_erased`). */
  forget(keyId: string): void {
    this.cache.set(keyId, { key: null, expiresAt: Number.MAX_SAFE_INTEGER });
  }

  private async fetchKey(keyId: string): Promise<DataKey | null> {
    const fetchImpl = this.options.fetchImpl ?? fetch;
    let response: Response;
    try {
      response = await fetchImpl(`${this.options.baseUrl}/internal/keys/${encodeURIComponent(keyId)}`, {
        headers: { authorization: `Bearer ${this.options.serviceToken()}` },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 3000),
      });
    } catch (error) {
      throw new DependencyUnavailable(`the key store is unreachable: ${(error as Error).message}`);
    }
    if (response.status === 410 || response.status === 404) return null;
    if (!response.ok) throw new DependencyUnavailable(`the key store answered ${response.status}`);
    const body = (await response.json()) as { keyId: string; key: string };
    return { keyId: body.keyId, key: Buffer.from(body.key, 'base64') };
  }
}
