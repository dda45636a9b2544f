import type { Role } from '@rj/shared/contracts';
import jwt from 'jsonwebtoken';

export interface MintTokenClaims {
  sub: string;
  role: Role;
  org: string | null;
  name: string;
  /** Seconds or a vercel/ms string ("15m"); default one hour. */
  expiresIn?: number | `${number}${'s' | 'm' | 'h' | 'd'}`;
}

export interface MintOptions {
  issuer?: string;
  audience?: string;
}

/** An HS256 token as automated tests use; everywhere else tokens come from the identity provider (docs/sign-in.md). */
export function mintToken(claims: MintTokenClaims, secret: string, options: MintOptions = {}): string {
  const { sub, role, org, name, expiresIn = '1h' } = claims;
  return jwt.sign({ role, org, name }, secret, {
    algorithm: 'HS256',
    subject: sub,
    expiresIn,
    ...(options.issuer ? { issuer: options.issuer } : {}),
    ...(options.audience ? { audience: options.audience } : {}),
  });
}

/**
 * A short-lived HS256 token for calls between services in tests (role `service`, no
 * organisation). Its subject is `system:<service>`, the same name the service's own events
 * carry as actor. Running services get theirs by client credentials (serviceTokenSource).
 */
export function mintServiceToken(
  serviceName: string,
  secret: string,
  options: MintOptions & { expiresIn?: MintTokenClaims['expiresIn'] } = {},
): string {
  return mintToken(
    {
      sub: `system:${serviceName}`,
      role: 'service',
      org: null,
      name: serviceName,
      expiresIn: options.expiresIn ?? '15m',
    },
    secret,
    options,
  );
}
