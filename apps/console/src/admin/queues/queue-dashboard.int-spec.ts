/**
 * The administrators' queue dashboard over loopback HTTP against the real Redis: a queue under a
 * test prefix with one waiting and one failed job, the console's security headers and views in
 * front, and a session the test sets (sign-in is proven by the console's own tests).
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Queue, Worker } from 'bullmq';
import express, { type NextFunction, type Request, type Response } from 'express';
import { deleteRedisKeysWithPrefix, eventually, TEST_REDIS_URL } from '@rj/shared/testing';
import { cspNonce, securityHeadersRelaxedUnder } from '../../platform/security-headers';
import { configureViews } from '../../platform/views';
import { QUEUE_DASHBOARD_PATH } from './queue-access';
import { queueDashboard, type QueueDashboard } from './queue-dashboard';

const prefix = `test-dash-${randomBytes(4).toString('hex')}`;
const connection = { url: TEST_REDIS_URL };

describe('the queue dashboard', () => {
  let server: Server;
  let dashboard: QueueDashboard;
  let base = '';
  let session: Record<string, unknown> = {};
  const queue = new Queue('reminders', { connection, prefix });

  beforeAll(async () => {
    await queue.add('will-fail', { n: 1 }, { attempts: 1 });
    const worker = new Worker(
      'reminders',
      async () => {
        throw new Error('mail server away');
      },
      { connection, prefix },
    );
    await until(async () => (await queue.getFailedCount()) === 1);
    await worker.close();
    await queue.add('waits', { n: 2 });

    dashboard = queueDashboard(TEST_REDIS_URL, [{ prefix, name: 'reminders' }]);
    const app = express();
    configureViews(app);
    app.use(cspNonce);
    app.use(securityHeadersRelaxedUnder(QUEUE_DASHBOARD_PATH, 'http://127.0.0.1:3100', false));
    app.use((req: Request, _res: Response, next: NextFunction) => {
      (req as unknown as { session: Record<string, unknown> }).session = session;
      next();
    });
    app.get('/', (_req, res) => void res.send('home'));
    app.use(QUEUE_DASHBOARD_PATH, dashboard.router);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await dashboard.close();
    await queue.close();
    await deleteRedisKeysWithPrefix(prefix);
  });

  const signInAs = (role: string) => {
    session = { user: { sub: `${role}-1`, org: null, name: role, role, accessTokenExpiresAt: Date.now() + 3_600_000 } };
  };

  it('lists the queue with its waiting and failed job for an administrator, read-only', async () => {
    signInAs('admin');
    const response = await fetch(
      `${base}/admin/queues/api/queues?activeQueue=${prefix}:reminders&status=failed&page=1`,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      queues: {
        name: string;
        counts: Record<string, number>;
        readOnlyMode: boolean;
        allowRetries: boolean;
        jobs: { name: string }[];
      }[];
    };
    expect(body.queues).toHaveLength(1);
    expect(body.queues[0]).toMatchObject({ name: `${prefix}:reminders`, readOnlyMode: true, allowRetries: false });
    expect(body.queues[0].counts).toMatchObject({ waiting: 1, failed: 1 });
    expect(body.queues[0].jobs.map((job) => job.name)).toEqual(['will-fail']);
  });

  it('serves the dashboard page to an administrator', async () => {
    signInAs('admin');
    const response = await fetch(`${base}/admin/queues`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
  });

  it('is the console’s not-found page for a prosecutor, and leads someone signed out to sign in', async () => {
    signInAs('prosecutor');
    const forbidden = await fetch(`${base}/admin/queues/api/queues`);
    expect(forbidden.status).toBe(404);
    expect(await forbidden.text()).toContain('Page not found');
    session = {};
    const signedOut = await fetch(`${base}/admin/queues/api/queues`, { redirect: 'manual' });
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toBe('/sign-in');
  });

  it('refuses every action, even an administrator’s, and the jobs stay as they were', async () => {
    signInAs('admin');
    for (const path of [
      `/admin/queues/api/queues/${prefix}:reminders/retry/failed`,
      `/admin/queues/api/queues/${prefix}:reminders/clean/failed`,
    ]) {
      const response = await fetch(`${base}${path}`, { method: 'PUT' });
      expect(response.status).toBe(405);
    }
    const post = await fetch(`${base}/admin/queues/api/queues/${prefix}:reminders/pause`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(await queue.getFailedCount()).toBe(1);
    expect(await queue.isPaused()).toBe(false);
  });

  it('relaxes the Content-Security-Policy for the dashboard only; the rest of the console keeps its nonce', async () => {
    signInAs('admin');
    const dashboardPolicy = (await fetch(`${base}/admin/queues`)).headers.get('content-security-policy') ?? '';
    expect(dashboardPolicy).toMatch(/script-src 'self' 'unsafe-inline'/);
    expect(dashboardPolicy).not.toContain('nonce-');
    const homePolicy = (await fetch(`${base}/`)).headers.get('content-security-policy') ?? '';
    expect(homePolicy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'(;|$)/);
    expect(homePolicy).toMatch(/style-src 'self'(;|$)/);
    expect(homePolicy).not.toContain('unsafe-inline');
  });
});

/** Polls until the check holds (the shared poller of the test kit). */
async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  await eventually(async () => (await check()) || undefined, timeoutMs, 'the queue state');
}
