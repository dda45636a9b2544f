import type { NextFunction, Request, RequestHandler, Response } from 'express';
import session from 'express-session';
import type Redis from 'ioredis';
import type { ConsoleEnv } from '../console.env';
import { RedisSessionStore } from './redis-session-store';
import { safeReturnPath, sessionExpiry } from './session-timeouts';

export const SESSION_COOKIE = 'rj.console.sid';

/**
 * Sessions in Redis behind an HttpOnly, SameSite=Lax cookie (Secure when the console is
 * served over https). The cookie and the Redis entry live as long as the idle timeout and are
 * renewed by every request; the absolute timeout is checked against the time of sign-in.
 */
export function sessions(config: ConsoleEnv, redis: Redis): RequestHandler {
  const idleMs = config.SESSION_IDLE_MINUTES * 60_000;
  return session({
    name: SESSION_COOKIE,
    secret: config.SESSION_SECRET,
    store: new RedisSessionStore(redis, config.SESSION_PREFIX, idleMs / 1000),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: config.PUBLIC_URL.startsWith('https:'),
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.PUBLIC_URL.startsWith('https:'),
      maxAge: idleMs,
      path: '/',
    },
  });
}

/**
 * Ends a session that was idle too long or is older than the absolute limit, and sends the
 * person to sign in again, remembering where they were (a path of this console only).
 */
export function sessionTimeouts(config: ConsoleEnv): RequestHandler {
  const limits = { idleMs: config.SESSION_IDLE_MINUTES * 60_000, absoluteMs: config.SESSION_ABSOLUTE_MINUTES * 60_000 };
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.session.user) return next();
    const now = Date.now();
    const expired = sessionExpiry(req.session, now, limits);
    if (!expired) {
      // A page that polls on its own (the queue dashboard) is not the person being active.
      if (!isBackgroundPoll(req.path)) req.session.lastSeenAt = now;
      return next();
    }
    const returnTo = safeReturnPath(req.method === 'GET' ? req.originalUrl : pathOf(req.get('referer')));
    req.session.regenerate((error) => {
      if (error) return next(error);
      req.session.returnTo = returnTo;
      req.session.endedBecause = expired;
      res.redirect(303, '/sign-in');
    });
  };
}

/** Requests a page sends by itself, every few seconds, which must not keep a session alive. */
export function isBackgroundPoll(path: string): boolean {
  return path.startsWith('/admin/queues/api/');
}

function pathOf(url: string | undefined): string {
  if (!url) return '/';
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return '/';
  }
}
