/**
 * Issue 15, overload protection, over HTTP against a started service: past MAX_IN_FLIGHT_REQUESTS
 * the next request is answered 503 with Retry-After at once, health probes still answer, and a
 * place frees when a request in flight ends. Requests are held in flight by sending their
 * body's first half only: the body parser waits for the rest.
 */
import http from 'node:http';
import { mintToken } from '@rj/shared/auth';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from '../../index';
import { TestAppModule } from '../../test/fixtures/test-app.module';

const SECRET = 'integration-test-secret-0123456789abcdef';
const token = mintToken({ sub: 'alice', role: 'prosecutor', org: 'office-1', name: 'Alice Prosecutor' }, SECRET);
const silent = { write: () => undefined };

let service: RunningService;
beforeAll(async () => {
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
    MAX_IN_FLIGHT_REQUESTS: '2',
    OVERLOAD_RETRY_AFTER_S: '2',
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  service = await bootstrapService({
    name: 'overload-service',
    module: TestAppModule,
    config: result.config,
    logDestination: silent,
    handleSignals: false,
  });
});
afterAll(() => service?.close());

/** A POST whose body is half sent: in flight until `finish` sends the rest. */
function halfSentPost(): { finish(): void; answered: Promise<number> } {
  const body = JSON.stringify({ name: 'held' });
  const { hostname, port } = new URL(service.url);
  let request!: http.ClientRequest;
  const answered = new Promise<number>((resolve, reject) => {
    request = http.request(
      {
        hostname,
        port,
        path: '/api/things',
        method: 'POST',
        agent: false,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    request.on('error', reject);
  });
  request.write(body.slice(0, 5));
  return { finish: () => request.end(body.slice(5)), answered };
}

const get = (path: string) => fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

/** Asks until the two held requests have reached the service: only then is the third refused. */
async function refusedWhileHeld(): Promise<Response> {
  for (const deadline = Date.now() + 5000; ;) {
    const res = await get('/api/things/me');
    if (res.status === 503 || Date.now() > deadline) return res;
  }
}

describe('overload protection (issue 15)', () => {
  it('refuses the request past the bound at once with 503 and Retry-After, keeps health answering, and takes requests again once one ends', async () => {
    const held = [halfSentPost(), halfSentPost()];
    const started = Date.now();
    const refused = await refusedWhileHeld();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('2');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toEqual(
      expect.objectContaining({ type: 'urn:rj:problem:overloaded', status: 503, instance: '/api/things/me' }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);

    held[0].finish();
    expect(await held[0].answered).toBeLessThan(500);
    expect((await get('/api/things/me')).status).toBe(200);
    held[1].finish();
    expect(await held[1].answered).toBeLessThan(500);
  });
});
