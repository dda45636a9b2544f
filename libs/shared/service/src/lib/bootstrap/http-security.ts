import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/** Where Swagger UI lives (openapi.ts): the only HTML the services serve. */
export const DOCS_PATH = '/api/docs';

const isDocsPage = (path: string): boolean => path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);

/**
 * Helmet's defaults on every response, with two policies:
 * - the API answers JSON only, so its policy allows nothing to load and nothing to frame it;
 * - Swagger UI's page and assets get helmet's default policy (scripts, styles and images from
 *   the service itself, inline styles, data: images), which the UI needs to render, and still
 *   may not be framed.
 * `X-Frame-Options: DENY` says the same as `frame-ancestors 'none'` to older browsers.
 */
export function securityHeaders(): RequestHandler {
  const common = { frameguard: { action: 'deny' as const } };
  const api = helmet({
    ...common,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
  });
  const docs = helmet({
    ...common,
    contentSecurityPolicy: { useDefaults: true, directives: { frameAncestors: ["'none'"] } },
  });
  return (req: Request, res: Response, next: NextFunction) => (isDocsPage(req.path) ? docs : api)(req, res, next);
}

/**
 * Responses may carry names and contacts: no browser or proxy keeps a copy. Every response but
 * Swagger UI's static page and assets says so (a handler may still set its own header).
 */
export function noStore(req: Request, res: Response, next: NextFunction): void {
  if (!isDocsPage(req.path)) res.setHeader('Cache-Control', 'no-store');
  next();
}

/** Headers a browser client sends and reads across origins (bearer tokens, not cookies). */
const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id'];
// The RateLimit fields are those the failed-authentication limiter sends (libs/shared/auth).
const CORS_EXPOSED_HEADERS = [
  'X-Correlation-Id',
  'Location',
  'Retry-After',
  'RateLimit-Limit',
  'RateLimit-Remaining',
  'RateLimit-Reset',
  'Idempotent-Replayed',
];

/**
 * CORS is closed unless CORS_ORIGINS lists an origin: without it no Access-Control-* header is
 * ever sent and browsers keep other sites' scripts out. An allow-listed origin gets exactly
 * that origin back (never `*`), without credentials: the API takes bearer tokens, not cookies.
 */
export function allowListedCors(app: INestApplication, origins: readonly string[]): void {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  app.enableCors({
    origin: (origin: string | undefined, callback: (error: Error | null, allow?: boolean) => void) =>
      callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_REQUEST_HEADERS,
    exposedHeaders: CORS_EXPOSED_HEADERS,
    credentials: false,
    maxAge: 600,
  });
}
