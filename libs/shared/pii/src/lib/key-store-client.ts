import { context, propagation } from '@opentelemetry/api';
import { keyIdOfCiphertext, isCiphertext, DependencyUnavailable, type Ciphertext } from '@rj/shared/contracts';
import { decryptField } from './field-cipher';
import type { DataKey } from './data-key';
import { keyStoreCacheHits, keyStoreFetches } from './key-store-metrics';

export interface KeyStoreClientOptions {
  /** referral-intake's internal listener, e.g. http://127.0.0.1:4001 (PII_KEY_STORE_URL). */
  baseUrl: string;
  /**
   * This service's own bearer token (role `service`): from the identity provider by client
   * credentials, renewed before expiry (serviceTokenSource of @rj/shared/auth).
   */
  serviceToken: () => string | Promise<string>;
  /** How long a key stays in memory; never on disk (architecture.md: e.g. 60 s). */
  ttlMs?: number;
  /**
   * At most this many keys (and erasure marks) in memory; the least recently used goes first.
   * A busy service meets thousands of referrals a day: without a bound the cache only grows.
   */
  maxEntries?: number;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

interface CachedKey {
  key: DataKey | null;
  expiresAt: number;
}

/**
 * Fetches referrals' data keys from referral-intake's key store, for services that must
 * decrypt (reminders, partner views after acceptance). Keys stay in memory briefly (TTL) in a
 * bounded least-recently-used cache, and are dropped at once on `referral.personal_data_erased`
 * (forget) — every replica hears of it through its own broadcast listener (see
 * erasureBroadcast in @rj/shared/messaging), not only the one that applies the event. An erased key reads as null:
 * the personal data is gone. When the key store cannot be reached, DependencyUnavailable
 * (503) — callers retry (jobs) or answer 503 (API reads).
 */
export class KeyStoreClient {
  private readonly cache = new Map<string, CachedKey>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;

  constructor(private readonly options: KeyStoreClientOptions) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.maxEntries = Math.max(1, options.maxEntries ?? 1000);
  }

  async getKey(keyId: string): Promise<DataKey | null> {
    const cached = this.cache.get(keyId);
    if (cached && cached.expiresAt > Date.now()) {
      this.remember(keyId, cached); // most recently used moves to the end
      keyStoreCacheHits.inc();
      return cached.key;
    }
    if (cached) this.cache.delete(keyId);
    const key = await this.fetchKey(keyId).catch((error: unknown) => {
      keyStoreFetches.inc({ outcome: 'unavailable' });
      throw error;
    });
    keyStoreFetches.inc({ outcome: key ? 'found' : 'erased' });
    // An erasure heard while the fetch was in flight wins over the key it brought back.
    const erasedMeanwhile = this.cache.get(keyId)?.key === null;
    if (!erasedMeanwhile) this.remember(keyId, { key, expiresAt: Date.now() + (key ? this.ttlMs : 5 * this.ttlMs) });
    return erasedMeanwhile ? null : key;
  }

  /** How many entries are held now (for tests and metrics). */
  get size(): number {
    return this.cache.size;
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
    // The mark outlives the TTL so a racing fetch cannot bring the key back, yet it is still
    // subject to the bound: once evicted, the key store itself answers 410 for an erased key.
    this.remember(keyId, { key: null, expiresAt: Date.now() + 5 * this.ttlMs });
  }

  /** A Map keeps insertion order: re-inserting marks use, and the first entry is the oldest. */
  private remember(keyId: string, entry: CachedKey): void {
    this.cache.delete(keyId);
    this.cache.set(keyId, entry);
    while (this.cache.size > this.maxEntries) {
      const oldest = this.cache.keys().next().value as string;
      this.cache.delete(oldest);
    }
  }

  private async fetchKey(keyId: string): Promise<DataKey | null> {
    const fetchImpl = this.options.fetchImpl ?? fetch;
    // A token the identity provider would not issue is its own DependencyUnavailable (503).
    const token = await this.options.serviceToken();
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    // The caller's trace (W3C traceparent; nothing when tracing is off): the key store's span joins it.
    propagation.inject(context.active(), headers);
    let response: Response;
    try {
      response = await fetchImpl(`${this.options.baseUrl}/internal/keys/${encodeURIComponent(keyId)}`, {
        headers,
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
