import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

export const CSRF_FIELD = '_csrf';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Thrown for a form posted without this session's token; answered with the 403 page. */
export class CsrfRejected extends Error {
  constructor() {
    super('The form was not sent from this console, or the page was too old.');
  }
}

/**
 * The synchronizer-token pattern: one random token per session, put in every form (as
 * `csrfToken` for the templates) and required back with every state-changing request.
 * SameSite=Lax cookies already stop most cross-site posts; this stops the rest.
 */
export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  const session = req.session;
  session.csrfToken ??= randomBytes(32).toString('base64url');
  res.locals['csrfToken'] = session.csrfToken;
  if (!UNSAFE.has(req.method)) return next();
  const sent = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? req.get('x-csrf-token');
  if (typeof sent === 'string' && tokensMatch(sent, session.csrfToken)) return next();
  next(new CsrfRejected());
}

function tokensMatch(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
