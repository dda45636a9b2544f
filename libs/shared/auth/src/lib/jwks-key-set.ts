import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface JwksKeySetOptions {
  /** The identity provider's JWKS (its discovery document's `jwks_uri`). */
  url: string;
  /**
   * At most one fetch of the JWKS per this interval, whatever the traffic: a token naming a
   * key id we do not know costs one refresh per interval for everybody, then nothing.
   */
  minRefreshIntervalMs?: number;
  /** Known keys are re-read after this long (the provider may have retired one). */
  maxAgeMs?: number;
  timeoutMs?: number;
  /** Key ids remembered as unknown until the next refresh; beyond it the memory starts over. */
  maxUnknownKids?: number;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/** The token names a key the provider does not publish (401). */
export class UnknownSigningKey extends Error {}

/** The JWKS could not be read and no key is known yet (503: not the caller's fault). */
export class JwksUnavailable extends Error {}

/**
 * The provider's public keys by key id, fetched on demand with a negative cache: unknown key
 * ids are remembered until the next refresh, refreshes are at most one per interval and
 * shared by every request waiting for them (one fetch in flight at a time). So junk tokens
 * with random `kid`s cannot starve real look-ups or reach the provider more than once per
 * interval. When a refresh fails, the keys already known keep working.
 */
export class JwksKeySet {
  private keys = new Map<string, KeyObject>();
  /** Key ids found unknown, with when: refused without a look-up until a refresh is allowed again. */
  private readonly unknownKids = new Map<string, number>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private lastAttemptAt = Number.NEGATIVE_INFINITY;
  private lastFailure?: Error;
  private inFlight?: Promise<void>;
  /** How many times the JWKS was fetched (tests and metrics). */
  fetches = 0;

  private readonly minRefreshIntervalMs: number;
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(private readonly options: JwksKeySetOptions) {
    this.minRefreshIntervalMs = options.minRefreshIntervalMs ?? 30_000;
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.now = options.now ?? Date.now;
  }

  async key(kid: string | undefined): Promise<KeyObject> {
    if (this.now() - this.fetchedAt > this.maxAgeMs) await this.refresh();
    const known = this.lookup(kid);
    if (known) return known;
    const knownUnknownAt = kid === undefined ? undefined : this.unknownKids.get(kid);
    if (knownUnknownAt !== undefined && this.now() - knownUnknownAt < this.minRefreshIntervalMs)
      throw new UnknownSigningKey(`no key "${kid}"`);
    await this.refresh();
    const refreshed = this.lookup(kid);
    if (refreshed) return refreshed;
    if (kid !== undefined) this.rememberUnknown(kid);
    throw new UnknownSigningKey(`no key "${kid ?? '(none)'}"`);
  }

  /** A token without `kid` is accepted only while the provider publishes a single key. */
  private lookup(kid: string | undefined): KeyObject | undefined {
    if (kid !== undefined) return this.keys.get(kid);
    return this.keys.size === 1 ? [...this.keys.values()][0] : undefined;
  }

  private rememberUnknown(kid: string): void {
    if (this.unknownKids.size >= (this.options.maxUnknownKids ?? 10_000)) this.unknownKids.clear();
    this.unknownKids.set(kid, this.now());
  }

  private refresh(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.now() - this.lastAttemptAt < this.minRefreshIntervalMs) {
      // Too soon to ask again: answer from what we have, or with the last failure if nothing.
      if (this.keys.size === 0 && this.lastFailure)
        return Promise.reject(new JwksUnavailable(this.lastFailure.message));
      return Promise.resolve();
    }
    this.lastAttemptAt = this.now();
    this.inFlight = this.fetchKeys().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async fetchKeys(): Promise<void> {
    this.fetches += 1;
    try {
      const response = await (this.options.fetchImpl ?? fetch)(this.options.url, {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) throw new Error(`the JWKS answered ${response.status}`);
      const body = (await response.json()) as { keys?: unknown };
      this.keys = publicSigningKeys(body.keys);
      this.fetchedAt = this.now();
      this.lastFailure = undefined;
      this.unknownKids.clear();
    } catch (error) {
      this.lastFailure = error instanceof Error ? error : new Error(String(error));
      if (this.keys.size === 0) throw new JwksUnavailable(this.lastFailure.message);
    }
  }
}

/** The RSA signing keys of a JWKS, by key id; anything else in it is ignored. */
function publicSigningKeys(keys: unknown): Map<string, KeyObject> {
  const result = new Map<string, KeyObject>();
  if (!Array.isArray(keys)) return result;
  for (const jwk of keys as Array<JsonWebKey & { kid?: unknown; use?: unknown; alg?: unknown }>) {
    if (jwk?.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
    try {
      result.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' }));
    } catch {
      // a malformed key is as good as absent
    }
  }
  return result;
}
