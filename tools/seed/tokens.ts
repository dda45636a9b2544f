/**
 * Who the seed acts as. The caller supplies tokens (the development identity provider from the
 * command line, HS256 tokens in the tests); the seed asks once per identity and reuses them.
 */
import type { Role } from '@rj/shared/contracts';
import { SeedError } from './http';

export interface TokenClaims {
  role: Role;
  org?: string;
  sub?: string;
  name?: string;
}

export type TokenFor = (claims: TokenClaims) => Promise<string>;

/** Tokens are asked for again after this long: the development provider's last 15 minutes. */
const TOKEN_REUSE_MS = 5 * 60_000;

export class Tokens {
  private readonly cache = new Map<string, { token: Promise<string>; at: number }>();

  constructor(private readonly source: TokenFor) {}

  for(claims: TokenClaims): Promise<string> {
    const key = JSON.stringify([claims.role, claims.org ?? null, claims.sub ?? null]);
    const cached = this.cache.get(key);
    if (cached && Date.now() - cached.at < TOKEN_REUSE_MS) return cached.token;
    const token = this.source(claims);
    // A failed fetch is not remembered: the next step asks again.
    token.catch(() => this.cache.delete(key));
    this.cache.set(key, { token, at: Date.now() });
    return token;
  }
}

/**
 * The administrator the seed registers organisations as — the development identity provider's
 * first demo admin, so the demo's history names an account a newcomer can sign in as.
 */
export const SEED_ADMIN: TokenClaims = { role: 'admin', sub: 'admin-1', name: 'Demo administrator 1' };
/** Another admin, for decisions that need two (an override of a domestic- or sexual-violence exclusion). */
export const SECOND_ADMIN: TokenClaims = { role: 'admin', sub: 'admin-2', name: 'Demo administrator 2' };

/** The identity provider is not reachable, or would not issue a token. */
export class IdentityProviderUnavailable extends SeedError {
  override name = 'IdentityProviderUnavailable';
}

/**
 * Tokens from the development identity provider: `POST <issuer>/dev/token` with the claims,
 * answered with `{ access_token }`. Development only; a production provider has no such door.
 */
export function devIdentityProvider(issuer: string): TokenFor {
  const url = `${issuer.replace(/\/+$/, '')}/dev/token`;
  return async (claims) => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ role: claims.role, org: claims.org, sub: claims.sub, name: claims.name }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new IdentityProviderUnavailable(`the identity provider is not reachable at ${issuer} (${cause})`);
    }
    const body = (await response.json().catch(() => null)) as { access_token?: unknown } | null;
    if (!response.ok || typeof body?.access_token !== 'string') {
      throw new IdentityProviderUnavailable(
        `the identity provider at ${issuer} issued no token for a ${claims.role} (HTTP ${response.status})`,
      );
    }
    return body.access_token;
  };
}
