/** How tokens are verified. Each field comes from the environment of the same name (AUTH_*). */
export interface AuthModuleOptions {
  /** HS256 shared secret: every token in development and tests; service tokens in production. */
  jwtSecret?: string;
  /** OIDC issuer's JWKS: RS256 tokens of people in production. */
  jwksUrl?: string;
  /** Checked against `iss` when set. */
  issuer?: string;
  /** Checked against `aud` when set. */
  audience?: string;
}
