/**
 * Issue 15, overload protection, over HTTP against a started service: past MAX_IN_FLIGHT_REQUESTS
 * the next request is answered 503 with Retry-After while the others are still held, before its
 * body is read, before its token is checked and before it is validated; health probes still
 * answer, and a place frees when a request in flight ends. Two requests are held in flight: one
 * inside its handler (SlowRequestGate), one in the body parser (only half its body sent).
 */
import http from 'node:http';
import { mintToken } from '@rj/shared/auth';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from '../../index';
import { SlowRequestGate, TestAppModule } from '../../test/fixtures/test-app.module';

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

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request in flight until `finish` sends the rest of its body; `answered` is undefined until it is. */
function heldRequest(
  method: string,
  path: string,
  { body = '', headers = {} }: { body?: string; headers?: Record<string, string> },
) {
  const { hostname, port } = new URL(service.url);
  let answer: Answer | undefined;
  let request!: http.ClientRequest;
  const answered = new Promise<Answer>((resolve, reject) => {
    request = http.request(
      {
        hostname,
        port,
        path,
        method,
        agent: false,
        headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve((answer = { status: res.statusCode ?? 0, headers: res.headers, body: text })));
      },
    );
    request.on('error', reject);
  });
  if (body) request.write(body.slice(0, 5));
  else request.end();
  return { answered, answer: () => answer, finish: () => request.end(body.slice(5)) };
}

const get = (path: string) => fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const authorised = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

/** Without a token: 401 while a place is free, 503 once both held requests count (they reach the service in their own time). */
async function refusedWithoutToken(): Promise<Response> {
  for (;;) {
    const res = await fetch(`${service.url}/api/things/me`);
    if (res.status !== 401) return res;
  }
}

describe('overload protection (issue 15)', () => {
  it('refuses the request past the bound with 503 and Retry-After before reading its body, checking its token or validating it, while the others are held', async () => {
    const entered = SlowRequestGate.reset();
    const inHandler = heldRequest('GET', '/api/things/slow', { headers: { authorization: `Bearer ${token}` } });
    await entered;
    const inBodyParser = heldRequest('POST', '/api/things', {
      body: JSON.stringify({ caseNumber: 'C-1', count: 1, parties: [] }),
      headers: authorised,
    });

    // Refused before the auth guard: no token, yet 503 rather than 401.
    expect((await refusedWithoutToken()).status).toBe(503);
    // Refused before the body parser and validation: half a body that would fail validation,
    // never finished, answered 503 (read first, it would hang; validated, it would be a 400).
    const refused = await heldRequest('POST', '/api/things', {
      body: JSON.stringify({ caseNumber: 42, parties: 'not a list' }),
      headers: { 'content-type': 'application/json' },
    }).answered;
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('2');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(refused.body)).toEqual(
      expect.objectContaining({ type: 'urn:rj:problem:overloaded', status: 503, instance: '/api/things' }),
    );
    // Both are still in flight: the refusal did not wait for either of them.
    expect(inHandler.answer()).toBeUndefined();
    expect(inBodyParser.answer()).toBeUndefined();
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);

    inBodyParser.finish();
    expect((await inBodyParser.answered).status).toBe(201);
    expect((await get('/api/things/me')).status).toBe(200);
    SlowRequestGate.release();
    expect((await inHandler.answered).status).toBe(200);
  });
});
