import { randomUUID } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import type Redis from 'ioredis';
import { httpTracingMiddleware, RequestContext } from '@rj/shared/service';
import type { ConsoleEnv } from '../console.env';
import { compileStyles, serveAssets } from './assets';
import { csrfProtection } from './csrf';
import { importUpload, REFERRAL_IMPORT_PATH } from '../prosecutor/referral-import/import-upload';
import { pageContext } from './page-context';
import { QUEUE_DASHBOARD_PATH } from '../admin/queues/queue-access';
import { queueDashboard } from '../admin/queues/queue-dashboard';
import { parseQueueList } from '../admin/queues/queue-list';
import { cspNonce, noStore, securityHeadersRelaxedUnder } from './security-headers';
import { sessions, sessionTimeouts } from './session';
import { configureViews } from './views';

/**
 * The Express pipeline in front of the console's controllers, in the order each step needs:
 * correlation id and security headers first, assets before sessions (they need none), then
 * the session, its timeouts, form parsing and CSRF, the layout's context, and the
 * administrators' read-only queue dashboard (the one place the console reads the job queues).
 */
export function configureConsole(app: NestExpressApplication, config: ConsoleEnv, redis: Redis): void {
  const express_ = app.getHttpAdapter().getInstance() as express.Express;
  express_.disable('x-powered-by');
  if (config.PUBLIC_URL.startsWith('https:')) express_.set('trust proxy', 1);
  configureViews(express_, {
    watch: config.NODE_ENV === 'development' && process.env['CONSOLE_WATCH_VIEWS'] === 'true',
  });
  app.use(correlation);
  // A server span per page; the API calls it makes carry it on to the services (api-client.ts).
  app.use(httpTracingMiddleware);
  app.use(cspNonce);
  app.use(
    securityHeadersRelaxedUnder(
      QUEUE_DASHBOARD_PATH,
      new URL(config.OIDC_ISSUER).origin,
      config.NODE_ENV === 'production',
    ),
  );
  serveAssets(express_, compileStyles());
  app.use(noStore);
  app.use(sessions(config, redis));
  app.use(sessionTimeouts(config));
  app.use(express.urlencoded({ extended: true, limit: '100kb', parameterLimit: 2000 }));
  app.use(express.json({ limit: '100kb' }));
  // The one multipart form (a prosecutor's CSV of referrals), read before CSRF checks its token.
  app.use(REFERRAL_IMPORT_PATH, importUpload);
  app.use(csrfProtection);
  app.use(pageContext(config));
  const dashboard = queueDashboard(config.REDIS_URL, parseQueueList(config.QUEUE_DASHBOARD_QUEUES));
  app.use(QUEUE_DASHBOARD_PATH, dashboard.router);
  (app.getHttpServer() as { on(event: 'close', listener: () => void): void }).on('close', () => void dashboard.close());
}

function correlation(req: Request, res: Response, next: NextFunction): void {
  const correlationId = randomUUID();
  res.setHeader('x-correlation-id', correlationId);
  res.locals['correlationId'] = correlationId;
  RequestContext.run({ correlationId }, next);
}
