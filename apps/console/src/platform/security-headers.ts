import { randomBytes } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** A fresh nonce per response, for the page template's one inline script. */
export function cspNonce(_req: Request, res: Response, next: NextFunction): void {
  res.locals['cspNonce'] = randomBytes(16).toString('base64');
  next();
}

/**
 * Helmet with a strict Content-Security-Policy: scripts only from this origin or carrying the
 * response's nonce, no inline styles, no framing, forms posting only here (and to the identity
 * provider, where signing out continues).
 */
export function securityHeaders(identityProviderOrigin: string, production: boolean): RequestHandler {
  return helmet(policy(identityProviderOrigin, production, false));
}

/**
 * The same headers, except under `relaxedPath`, whose third-party operator UI (the queue
 * dashboard) needs inline scripts and styles. A nonce would make browsers ignore
 * 'unsafe-inline', so that path carries none; every other path keeps the nonce-only policy.
 */
export function securityHeadersRelaxedUnder(
  relaxedPath: string,
  identityProviderOrigin: string,
  production: boolean,
): RequestHandler {
  const strict = helmet(policy(identityProviderOrigin, production, false));
  const relaxed = helmet(policy(identityProviderOrigin, production, true));
  return (req, res, next) =>
    (req.path === relaxedPath || req.path.startsWith(`${relaxedPath}/`) ? relaxed : strict)(req, res, next);
}

function policy(identityProviderOrigin: string, production: boolean, inline: boolean): Parameters<typeof helmet>[0] {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: inline
          ? ["'self'", "'unsafe-inline'"]
          : ["'self'", (_req, res) => `'nonce-${(res as Response).locals['cspNonce']}'`],
        styleSrc: inline ? ["'self'", "'unsafe-inline'"] : ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'", identityProviderOrigin],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  };
}

/** Pages show personal data: no browser or proxy may keep a copy. */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
