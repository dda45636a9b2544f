import type { FailedAuthLimitOptions } from './failed-auth-limiter';

/** How tokens are verified. Each field comes from the environment variable named beside it. */
export interface AuthModuleOptions {
  /**
   * HS256 shared secret (AUTH_JWT_SECRET): automated tests, and a service run alone without an
   * identity provider in development. Never in production, and not under `npm start`.
   */
  jwtSecret?: string;
  /** The identity provider's JWKS (AUTH_JWKS_URL): RS256 tokens of people and services. */
  jwksUrl?: string;
  /** Checked against `iss` when set (AUTH_ISSUER). */
  issuer?: string;
  /** Checked against `aud` when set (AUTH_AUDIENCE). */
  audience?: string;
  /** At most one JWKS fetch per this many milliseconds (AUTH_JWKS_MIN_REFRESH_MS). */
  jwksMinRefreshMs?: number;
  /** The clock the JWKS refresh interval is measured by (tests move it; the wall clock otherwise). */
  now?: () => number;
  /** Failed authentications per client and window before 429 (AUTH_FAILURE_*); off when absent. */
  failedAuthLimit?: FailedAuthLimitOptions;
}
