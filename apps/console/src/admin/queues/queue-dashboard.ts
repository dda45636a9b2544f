import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { Queue } from 'bullmq';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import Redis from 'ioredis';
import { safeReturnPath } from '../../platform/session-timeouts';
import { isReadOnlyMethod, mayOpenQueueDashboard, QUEUE_DASHBOARD_PATH } from './queue-access';
import type { QueueRef } from './queue-list';

export interface QueueDashboard {
  router: Router;
  close(): Promise<void>;
}

/**
 * Bull Board over the platform's job queues, for administrators, read-only. This is the one
 * place the console reads Redis beyond its sessions, over a connection of its own so that a
 * busy dashboard cannot delay sign-ins. Jobs hold ids and e-mail envelopes encrypted by the
 * services, so nothing here reveals personal data; still, no action (retry, clean, promote,
 * remove) may run: the adapters are read-only and non-GET requests never reach them.
 */
export function queueDashboard(redisUrl: string, queues: QueueRef[], basePath = QUEUE_DASHBOARD_PATH): QueueDashboard {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, lazyConnect: true });
  const bullQueues = queues.map((ref) => new Queue(ref.name, { connection, prefix: ref.prefix }));
  const serverAdapter = new ExpressAdapter().setBasePath(basePath);
  createBullBoard({
    // Four services run a queue of the same name (notifications): the board keys queues by
    // name, so the service's prefix goes in front of it.
    queues: bullQueues.map(
      (queue, i) =>
        new BullMQAdapter(queue, { readOnlyMode: true, allowRetries: false, prefix: `${queues[i].prefix}:` }),
    ),
    // @bull-board/express carries its own patch release of @bull-board/api; the interface is the
    // same, only TypeScript's private-member check tells the two copies apart.
    serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    options: { uiConfig: { boardTitle: 'Job queues', hideRedisDetails: false } },
  });

  const router = express.Router();
  router.use(adminsOnly, readOnly, serverAdapter.getRouter() as Router);
  return {
    router,
    async close() {
      await Promise.all(bullQueues.map((queue) => queue.close()));
      connection.disconnect();
    },
  };
}

/** As the console's role guard does for its pages: sign in first, and anyone but an administrator gets the not-found page. */
function adminsOnly(req: Request, res: Response, next: NextFunction): void {
  const user = req.session?.user;
  if (!user) {
    if (req.session) req.session.returnTo = safeReturnPath(req.method === 'GET' ? req.originalUrl : '/');
    return res.redirect(303, '/sign-in');
  }
  if (!mayOpenQueueDashboard(user.role)) return res.status(404).render('pages/errors/not-found.njk');
  next();
}

function readOnly(req: Request, res: Response, next: NextFunction): void {
  if (isReadOnlyMethod(req.method)) return next();
  res.status(405).setHeader('Allow', 'GET, HEAD');
  res.type('application/problem+json').send(
    JSON.stringify({
      type: 'about:blank',
      title: 'Method Not Allowed',
      status: 405,
      detail: 'The queue dashboard is read-only.',
    }),
  );
}
