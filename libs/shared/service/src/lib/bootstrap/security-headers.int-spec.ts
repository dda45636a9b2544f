/**
 * Issue 14 item 17, over HTTP against a started service: helmet's headers on every response,
 * `Cache-Control: no-store` on authenticated ones, nothing may frame the service, CORS closed
 * unless an origin is allow-listed, and Swagger UI still renders under its own policy.
 */
import { mintToken } from '@rj/shared/auth';
import { chromium } from 'playwright-core';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from '../../index';
import { TestAppModule } from '../../test/fixtures/test-app.module';

const SECRET = 'integration-test-secret-0123456789abcdef';
const ALLOWED = 'https://console.example.org';
const token = mintToken({ sub: 'alice', role: 'prosecutor', org: 'office-1', name: 'Alice Prosecutor' }, SECRET);
const silent = { write: () => undefined };

async function start(env: Record<string, string> = {}): Promise<RunningService> {
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
    ...env,
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  return bootstrapService({
    name: 'headers-service',
    module: TestAppModule,
    config: result.config,
    logDestination: silent,
    handleSignals: false,
  });
}

let open: RunningService;
let withCors: RunningService;
beforeAll(async () => {
  open = await start();
  withCors = await start({ CORS_ORIGINS: ALLOWED });
});
afterAll(async () => {
  await open?.close();
  await withCors?.close();
});

const get = (service: RunningService, path: string, headers: Record<string, string> = {}) =>
  fetch(`${service.url}${path}`, { headers });

describe('security headers (issue 14 item 17)', () => {
  it('answers an authenticated request with no-store, nosniff and frame-ancestors none', async () => {
    const res = await get(open, '/api/things/me', { authorization: `Bearer ${token}` });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('puts the same headers on refusals and problem responses', async () => {
    for (const res of [
      await get(open, '/api/things/me'),
      await get(open, '/api/nothing-here', { authorization: `Bearer ${token}` }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('keeps CORS closed when no origin is allow-listed', async () => {
    const simple = await get(open, '/api/things/me', { authorization: `Bearer ${token}`, origin: ALLOWED });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${open.url}/api/things/me`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('answers CORS for an allow-listed origin only, never with a wildcard', async () => {
    const preflight = await fetch(`${withCors.url}/api/things/me`, {
      method: 'OPTIONS',
      headers: {
        origin: ALLOWED,
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const allowed = await get(withCors, '/api/things/me', { authorization: `Bearer ${token}`, origin: ALLOWED });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    // A browser client may read the rate-limit fields the failed-authentication limiter sends.
    const exposed = (allowed.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
    expect(exposed).toEqual(
      expect.arrayContaining(['retry-after', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset']),
    );
    const foreign = await get(withCors, '/api/things/me', {
      authorization: `Bearer ${token}`,
      origin: 'https://evil.example',
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('scopes the relaxed policy to Swagger UI, which still renders in a browser', async () => {
    const page = await get(open, '/api/docs');
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium' });
    try {
      const tab = await browser.newPage();
      const violations: string[] = [];
      tab.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await tab.goto(`${open.url}/api/docs`);
      await tab.locator('.swagger-ui .info .title').filter({ hasText: 'headers-service' }).waitFor({ timeout: 15_000 });
      await tab.locator('.opblock-summary-path', { hasText: '/api/things/me' }).first().waitFor({ timeout: 15_000 });
      expect(violations).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
