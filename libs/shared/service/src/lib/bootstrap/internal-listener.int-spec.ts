/**
 * Issue 14 item 18, against started services: every service has an internal listener, without
 * asking for one, and /metrics is served there and not on the public port.
 */
import { mintToken } from '@rj/shared/auth';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from '../../index';
import { TestAppModule } from '../../test/fixtures/test-app.module';

const SECRET = 'integration-test-secret-0123456789abcdef';
let service: RunningService;

beforeAll(async () => {
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  // No `internal` option: the internal listener comes with every service.
  service = await bootstrapService({
    name: 'metrics-service',
    module: TestAppModule,
    config: result.config,
    logDestination: { write: () => undefined },
    handleSignals: false,
  });
});
afterAll(() => service?.close());

describe('the internal listener (issue 14 item 18)', () => {
  it('serves /metrics on the internal port, without a token', async () => {
    const res = await fetch(`${service.internal.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('process_cpu_user_seconds_total');
  });

  it('does not serve /metrics on the public port, to anyone', async () => {
    expect((await fetch(`${service.url}/metrics`)).status).toBe(404);
    const admin = mintToken({ sub: 'root', role: 'admin', org: null, name: 'Admin' }, SECRET);
    expect((await fetch(`${service.url}/metrics`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(404);
  });

  it('serves none of the public API on the internal port', async () => {
    const token = mintToken({ sub: 'alice', role: 'prosecutor', org: 'office-1', name: 'Alice' }, SECRET);
    expect(
      (await fetch(`${service.internal.url}/api/things/me`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(404);
    expect(
      (await fetch(`${service.url}/api/things/me`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
  });

  it('binds the internal listener to INTERNAL_HOST (loopback by default)', () => {
    const address = service.internal.app.getHttpServer().address() as { address: string };
    expect(address.address).toBe('127.0.0.1');
  });
});
