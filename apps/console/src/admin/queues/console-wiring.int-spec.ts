/**
 * The dashboard as the console itself mounts it (configure-console.ts), the console run as a
 * real process on the shared Redis: behind sign-in, with the relaxed Content-Security-Policy on
 * its path only, and its queue list validated at start-up.
 */
import { spawnTs, type SpawnedProcess } from '@rj/shared/testing';

describe('the console’s queue dashboard wiring', () => {
  let consoleProcess: SpawnedProcess;
  let base = '';

  beforeAll(async () => {
    consoleProcess = spawnTs('apps/console/src/main.ts', {
      PORT: '0',
      LOG_LEVEL: 'info',
      QUEUE_DASHBOARD_QUEUES: 'test-wiring:reminders',
    });
    await consoleProcess.waitFor('console listening on', 60_000);
    base = /console listening on (http:\/\/[\d.:]+)/.exec(consoleProcess.output())?.[1] ?? '';
  });

  afterAll(() => consoleProcess?.kill());

  it('sends someone signed out to sign in, from the page and from its API alike', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const response = await fetch(`${base}${path}`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/sign-in');
    }
  });

  it('relaxes the Content-Security-Policy under /admin/queues only', async () => {
    const dashboard =
      (await fetch(`${base}/admin/queues`, { redirect: 'manual' })).headers.get('content-security-policy') ?? '';
    expect(dashboard).toContain("script-src 'self' 'unsafe-inline'");
    expect(dashboard).not.toContain('nonce-');
    for (const path of ['/', '/admin/queue', '/admin/offices']) {
      const policy =
        (await fetch(`${base}${path}`, { redirect: 'manual' })).headers.get('content-security-policy') ?? '';
      expect(policy).toMatch(/script-src 'self' 'nonce-[^']+';style-src 'self';/);
    }
  });

  it('will not start with a queue list it cannot read, and says which variable', async () => {
    const refused = spawnTs('apps/console/src/main.ts', { PORT: '0', QUEUE_DASHBOARD_QUEUES: 'no-colon-here' });
    expect(await refused.exited).toBe(1);
    expect(refused.output()).toMatch(/QUEUE_DASHBOARD_QUEUES: must be comma-separated prefix:queue pairs/);
  });
});
