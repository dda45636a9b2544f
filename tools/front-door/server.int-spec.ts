/**
 * The front door against real upstream HTTP servers on loopback: routing by the table (the
 * agreement of a case to outcome-tracking, its sessions to scheduling), headers and bodies
 * passed through, NDJSON streamed chunk by chunk, a cancelled stream cancelled upstream, and
 * problem+json answers for a service that is down and a path no one owns.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFrontDoor, type RunningFrontDoor } from './server';
import type { ServiceName } from './route-table';

interface Upstream {
  name: ServiceName;
  server: Server;
  url: string;
  /** Handlers by path; the default echoes what arrived. */
  handlers: Map<string, (req: IncomingMessage, res: import('node:http').ServerResponse) => void>;
}

async function startUpstream(name: ServiceName): Promise<Upstream> {
  const handlers: Upstream['handlers'] = new Map();
  const server = createServer((req, res) => {
    const handler = handlers.get((req.url ?? '').split('?')[0]);
    if (handler) return handler(req, res);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-served-by': name });
      res.end(
        JSON.stringify({
          service: name,
          method: req.method,
          url: req.url,
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { name, server, handlers, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** Resolves when `check` returns true, polling until the deadline. */
async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('front door', () => {
  const upstreams = {} as Record<ServiceName, Upstream>;
  let frontDoor: RunningFrontDoor;

  beforeAll(async () => {
    for (const name of [
      'referral-intake',
      'partner-matching',
      'mediation-scheduling',
      'outcome-tracking',
    ] as ServiceName[])
      upstreams[name] = await startUpstream(name);
    frontDoor = await startFrontDoor({
      port: 0,
      upstreams: {
        ...Object.fromEntries(Object.values(upstreams).map((u) => [u.name, u.url])),
        'audit-ledger': await closedPortUrl(),
      },
      documents: {
        openapi: JSON.stringify({ openapi: '3.0.0', info: { title: 'merged' } }),
        asyncapi: JSON.stringify({ asyncapi: '3.0.0' }),
      },
    });
  });
  afterAll(async () => {
    await frontDoor?.close();
    await Promise.all(Object.values(upstreams).map((u) => new Promise((resolve) => u.server.close(resolve))));
  });

  it('routes a case agreement to outcome-tracking and its sessions to mediation-scheduling', async () => {
    const agreement = await fetch(`${frontDoor.url}/api/cases/c-1/agreement`, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json' },
    });
    const sessions = await fetch(`${frontDoor.url}/api/cases/c-1/sessions?from=2026-01-01`);
    const match = await fetch(`${frontDoor.url}/api/referrals/r-1/match`);
    const referral = await fetch(`${frontDoor.url}/api/referrals/r-1`);
    expect(((await agreement.json()) as any).service).toBe('outcome-tracking');
    const sessionsBody = await sessions.json();
    expect(sessionsBody).toMatchObject({
      service: 'mediation-scheduling',
      url: '/api/cases/c-1/sessions?from=2026-01-01',
    });
    expect(((await match.json()) as any).service).toBe('partner-matching');
    expect(((await referral.json()) as any).service).toBe('referral-intake');
  });

  it('passes Authorization, Idempotency-Key, the correlation id and the body through, and says who forwarded', async () => {
    const body = JSON.stringify({ text: 'é'.repeat(50_000) });
    const answer = await fetch(`${frontDoor.url}/api/cases/c-1/notes`, {
      method: 'POST',
      body,
      headers: {
        authorization: 'Bearer abc.def.ghi',
        'idempotency-key': 'k-42',
        'x-correlation-id': 'corr-7',
        'content-type': 'application/json',
        connection: 'keep-alive',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-served-by')).toBe('mediation-scheduling');
    const echoed = (await answer.json()) as any;
    expect(echoed.method).toBe('POST');
    expect(echoed.body).toBe(body);
    expect(echoed.headers).toMatchObject({
      authorization: 'Bearer abc.def.ghi',
      'idempotency-key': 'k-42',
      'x-correlation-id': 'corr-7',
      'x-forwarded-for': '127.0.0.1',
      'x-forwarded-proto': 'http',
    });
  });

  it('gives a request without a correlation id one, so the service and the front door log the same', async () => {
    const echoed = (await (await fetch(`${frontDoor.url}/api/offices`)).json()) as any;
    expect(echoed.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('streams an NDJSON response line by line, before the service has finished', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    upstreams['outcome-tracking'].handlers.set('/api/follow-ups/stream', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write('{"n":1}\n');
      void released.then(() => res.end('{"n":2}\n'));
    });
    const answer = await fetch(`${frontDoor.url}/api/follow-ups/stream`);
    expect(answer.headers.get('content-type')).toBe('application/x-ndjson');
    const reader = answer.body!.getReader();
    const first = await reader.read();
    // The first line arrived while the service is still holding the second back.
    expect(new TextDecoder().decode(first.value)).toBe('{"n":1}\n');
    release();
    let rest = '';
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read())
      rest += new TextDecoder().decode(chunk.value);
    expect(rest).toBe('{"n":2}\n');
  });

  it('cancels the service response when the caller goes away mid-stream', async () => {
    let upstreamClosed = false;
    upstreams['referral-intake'].handlers.set('/api/referrals/export', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/csv' });
      res.write('id\n');
      res.on('close', () => (upstreamClosed = true));
    });
    await new Promise<void>((resolve, reject) => {
      const req = request(`${frontDoor.url}/api/referrals/export`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => (error.message.includes('socket hang up') ? undefined : reject(error)));
      req.end();
    });
    await until(() => upstreamClosed, 'the upstream response to close');
  });

  it('answers 502 problem+json with the correlation id when the service is down', async () => {
    const answer = await fetch(`${frontDoor.url}/api/audit/events`, { headers: { 'x-correlation-id': 'corr-502' } });
    expect(answer.status).toBe(502);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
    expect(answer.headers.get('x-correlation-id')).toBe('corr-502');
    expect(await answer.json()).toEqual({
      type: 'urn:rj:problem:service-unreachable',
      title: 'Bad Gateway',
      status: 502,
      detail: 'audit-ledger is not reachable; try again shortly.',
      instance: '/api/audit/events',
    });
  });

  it('answers 404 problem+json for a path no service owns, without asking any', async () => {
    const answer = await fetch(`${frontDoor.url}/api/nothing-here`);
    expect(answer.status).toBe(404);
    expect(await answer.json()).toMatchObject({
      status: 404,
      type: 'urn:rj:problem:not-routed',
      instance: '/api/nothing-here',
    });
  });

  it('serves the merged OpenAPI document, Swagger UI and the AsyncAPI document itself', async () => {
    expect(await (await fetch(`${frontDoor.url}/api/docs-json`)).json()).toEqual({
      openapi: '3.0.0',
      info: { title: 'merged' },
    });
    expect(await (await fetch(`${frontDoor.url}/api/asyncapi.json`)).json()).toEqual({ asyncapi: '3.0.0' });
    const page = await fetch(`${frontDoor.url}/api/docs`);
    expect(await page.text()).toContain('/api/docs/swagger-ui-bundle.js');
    const bundle = await fetch(`${frontDoor.url}/api/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it('is ready only when every service is (audit-ledger is down here)', async () => {
    for (const upstream of Object.values(upstreams))
      upstream.handlers.set('/health/ready', (_req, res) => res.end('{}'));
    const answer = await fetch(`${frontDoor.url}/health/ready`);
    expect(answer.status).toBe(503);
    expect(await answer.json()).toMatchObject({
      services: { 'outcome-tracking': 'ok', 'audit-ledger': 'unreachable' },
    });
  });
});

describe('front door checking answers against the OpenAPI document', () => {
  const document = {
    openapi: '3.0.0',
    info: { title: 'checked', version: '1' },
    paths: {
      '/api/offices/{id}': {
        get: {
          responses: {
            '200': {
              description: 'the office',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Office' } } },
            },
            '404': {
              description: 'not yours or not there',
              content: { 'application/problem+json': { schema: { type: 'object', required: ['status'] } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Office: {
          type: 'object',
          required: ['id', 'name'],
          properties: {
            id: { type: 'string' },
            name: { type: 'string' },
            closedAt: { type: 'string', nullable: true },
          },
        },
      },
    },
  };
  const violations: string[] = [];
  let upstream: Upstream;
  let frontDoor: RunningFrontDoor;

  beforeAll(async () => {
    upstream = await startUpstream('referral-intake');
    const answers: Record<string, [number, string, unknown]> = {
      '/api/offices/good': [200, 'application/json', { id: 'good', name: 'North', closedAt: null }],
      '/api/offices/nameless': [200, 'application/json', { id: 'nameless' }],
      '/api/offices/gone': [404, 'application/problem+json', { status: 404, title: 'Not Found' }],
      '/api/offices/teapot': [418, 'application/json', {}],
    };
    for (const [path, [status, type, body]] of Object.entries(answers)) {
      upstream.handlers.set(path, (_req, res) => {
        res.writeHead(status, { 'content-type': type });
        res.end(JSON.stringify(body));
      });
    }
    frontDoor = await startFrontDoor({
      port: 0,
      upstreams: { 'referral-intake': upstream.url },
      documents: { openapi: JSON.stringify(document) },
      validate: { onViolation: (problems) => violations.push(...problems) },
    });
  });
  afterAll(async () => {
    await frontDoor?.close();
    await new Promise((resolve) => upstream?.server.close(resolve));
  });

  it('reports a body that breaks its schema and a status the document does not declare, and nothing else', async () => {
    // Each answer is checked as its last chunk passes, before the caller has it all.
    for (const id of ['good', 'gone', 'nameless', 'teapot'])
      await (await fetch(`${frontDoor.url}/api/offices/${id}`)).text();
    expect(violations.sort()).toEqual([
      "GET /api/offices/{id} → 200: body should have required property 'name'",
      'GET /api/offices/{id} → 418: status not declared (declared: 200, 404)',
    ]);
  });
});
