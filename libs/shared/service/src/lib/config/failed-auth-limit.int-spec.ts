import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { mintToken } from '@rj/shared/auth';
import { bootstrapService, type RunningService } from '../bootstrap/bootstrap-service';
import { TestAppModule } from '../../test/fixtures/test-app.module';
import { BaseServiceEnv } from './base-service-env';
import { validateConfig } from './validate-config';

const SECRET = 'integration-test-secret-0123456789abcdef';
const LIMIT = 5;
// A prefix of this run's own: no other suite shares these counters, nor trips over them.
const PREFIX = `test-auth-failures-${randomBytes(4).toString('hex')}:`;
const good = mintToken({ sub: 'alice', role: 'admin', org: null, name: 'Alice' }, SECRET);
const bad = mintToken(
  { sub: 'mallory', role: 'admin', org: null, name: 'M' },
  'forged-secret-forged-secret-forged-secret',
);

let service: RunningService;
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');

async function get(bearer?: string): Promise<Response> {
  return fetch(`${service.url}/api/things/me`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
}

beforeAll(async () => {
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
    AUTH_FAILURE_LIMIT: String(LIMIT),
    AUTH_FAILURE_WINDOW_S: '30',
    AUTH_FAILURE_KEY_PREFIX: PREFIX,
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  service = await bootstrapService({
    name: 'limit-test',
    module: TestAppModule,
    config: result.config,
    handleSignals: false,
    logDestination: { write: () => undefined },
  });
});

afterAll(async () => {
  await service?.close();
  const keys = await redis.keys(`${PREFIX}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

describe('hardening 1: failed authentication is rate-limited per client', () => {
  it('counts failures with RateLimit headers, then answers 429 problem+json with Retry-After', async () => {
    const ok = await get(good);
    expect(ok.status).toBe(200);
    // A valid token is not counted (and costs no Redis round trip).
    expect(ok.headers.get('ratelimit-limit')).toBeNull();
    for (let attempt = 1; attempt <= LIMIT; attempt++) {
      const response = await get(attempt % 2 ? bad : undefined);
      expect(response.status).toBe(401);
      expect(response.headers.get('ratelimit-limit')).toBe(String(LIMIT));
      expect(response.headers.get('ratelimit-remaining')).toBe(String(LIMIT - attempt));
      expect(response.headers.get('retry-after')).toBeNull();
    }
    for (const attempt of [bad, undefined, 'not.a.jwt']) {
      const refused = await get(attempt);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(30);
      expect(refused.headers.get('ratelimit-remaining')).toBe('0');
      expect(Number(refused.headers.get('ratelimit-reset'))).toBe(retryAfter);
    }
  });

  it('keeps the counters in Redis under the configured prefix, per client address, expiring with the window', async () => {
    const keys = await redis.keys(`${PREFIX}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toBe(`${PREFIX}127.0.0.1`);
    const ttl = await redis.pttl(keys[0]);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
  });

  it('answers a failure with 401 again once the window has ended', async () => {
    await redis.del(...(await redis.keys(`${PREFIX}*`)));
    expect((await get(bad)).status).toBe(401);
    await redis.del(...(await redis.keys(`${PREFIX}*`)));
  });
});

describe('hardening 10: a role that needs an organisation is refused without one, in the guard', () => {
  it.each(['prosecutor', 'partner_admin', 'mediator'] as const)(
    'answers 401 to a %s token without org, on any route',
    async (role) => {
      const response = await get(mintToken({ sub: 'x', role, org: null, name: 'X' }, SECRET));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({
        status: 401,
        detail: `The bearer token is not valid: a ${role} token must name an organisation.`,
      });
      await redis.del(...(await redis.keys(`${PREFIX}*`)));
    },
  );
});
