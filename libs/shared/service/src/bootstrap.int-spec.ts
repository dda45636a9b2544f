import { mintServiceToken, mintToken } from '@rj/shared/auth';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { DestinationStream } from 'pino';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from './index';
import {
  brokenDependency,
  ShutdownProbe,
  SlowRequestGate,
  TestAppModule,
  TestInternalModule,
} from './test/fixtures/test-app.module';

const ROOT = path.resolve(__dirname, '../../../..');
const SECRET = 'integration-test-secret-0123456789abcdef';
const ORG = 'office-1';

const logLines: string[] = [];
const logDestination: DestinationStream = { write: (line: string) => void logLines.push(line) };

const token = (
  role: 'prosecutor' | 'admin' = 'prosecutor',
  extra: Partial<Parameters<typeof mintToken>[0]> = {},
): string => mintToken({ sub: 'alice', role, org: ORG, name: 'Alice Prosecutor', ...extra }, SECRET);

let service: RunningService;

// Response bodies are checked shape by shape with toMatchObject; typing each one adds nothing.
type Json = any;

async function call(
  pathname: string,
  init: RequestInit & { bearer?: string; base?: string } = {},
): Promise<{ status: number; type: string; body: Json; headers: Headers }> {
  const headers = new Headers(init.headers);
  if (init.bearer) headers.set('authorization', `Bearer ${init.bearer}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(`${init.base ?? service.url}${pathname}`, { ...init, headers });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    type,
    body: type.includes('json') && text ? JSON.parse(text) : text,
    headers: response.headers,
  };
}

const validParty = { role: 'harmed', fullName: 'Maria Example', minor: false };

beforeAll(async () => {
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
    BODY_LIMIT: '2kb',
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  service = await bootstrapService({
    name: 'test-service',
    module: TestAppModule,
    config: result.config,
    logDestination,
    handleSignals: false,
    internal: { port: 0, module: TestInternalModule },
  });
});

afterAll(() => service?.close());

describe('bootstrapService', () => {
  it('answers liveness without a token', async () => {
    expect(await call('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('is ready only while every readiness check passes, and names the one that fails', async () => {
    brokenDependency.failing = false;
    expect(await call('/health/ready')).toMatchObject({
      status: 200,
      body: { checks: { 'always-fine': 'up', 'flaky-dependency': 'up' } },
    });
    brokenDependency.failing = true;
    const ready = await call('/health/ready');
    brokenDependency.failing = false;
    expect(ready.status).toBe(503);
    expect(ready.type).toContain('application/problem+json');
    expect(ready.body).toMatchObject({
      failed: ['flaky-dependency'],
      checks: { 'always-fine': 'up', 'flaky-dependency': 'down' },
    });
    expect(JSON.stringify(ready.body)).not.toContain('10.0.0.7');
  });

  it('exposes Prometheus metrics with the request histogram by route template, on the internal listener only', async () => {
    await call('/api/things/me', { bearer: token() });
    expect((await call('/metrics')).status).toBe(404);
    const metrics = await call('/metrics', { base: service.internal.url });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
    expect(metrics.body).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/api\/things\/me",status="200"/,
    );
  });

  it('serves the OpenAPI document with bearer auth at /api/docs-json and the UI at /api/docs', async () => {
    const docs = await call('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(docs.body.openapi).toMatch(/^3\./);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/things', '/api/things/me', '/health/ready']),
    );
    expect(docs.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect((await call('/api/docs')).status).toBe(200);
  });

  it('puts the verified principal in reach of the handler', async () => {
    expect(await call('/api/things/me', { bearer: token() })).toMatchObject({
      status: 200,
      body: { sub: 'alice', role: 'prosecutor', org: ORG, name: 'Alice Prosecutor' },
    });
  });

  it.each([
    ['no token', undefined],
    [
      'a token signed with another secret',
      mintToken({ sub: 'mallory', role: 'admin', org: null, name: 'M' }, 'forged-secret-forged-secret-forged-secret'),
    ],
    ['an expired token', token('prosecutor', { expiresIn: -60 })],
    ['a token with an unknown role', mintToken({ sub: 'x', role: 'superuser' as never, org: ORG, name: 'X' }, SECRET)],
    ['a malformed token', 'not.a.jwt'],
  ])('refuses %s with 401 problem+json', async (_what, bearer) => {
    const response = await call('/api/things/me', { bearer });
    expect(response.status).toBe(401);
    expect(response.type).toContain('application/problem+json');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.body).toMatchObject({ status: 401, title: 'Unauthorized', instance: '/api/things/me' });
  });

  it('answers 403 problem+json to a role the route does not list', async () => {
    const response = await call('/api/things/admin-only', { bearer: token('prosecutor') });
    expect(response).toMatchObject({
      status: 403,
      body: { status: 403, detail: 'The role "prosecutor" may not do this.' },
    });
    expect((await call('/api/things/admin-only', { bearer: token('admin') })).status).toBe(200);
  });

  it('answers 404, not 403, for an object of another organisation', async () => {
    expect((await call(`/api/things/owned/${ORG}`, { bearer: token() })).status).toBe(200);
    expect(await call('/api/things/owned/office-2', { bearer: token() })).toMatchObject({
      status: 404,
      body: { type: 'urn:rj:problem:not-found' },
    });
  });

  it('accepts a valid body and transforms it into the DTO', async () => {
    const response = await call('/api/things', {
      method: 'POST',
      bearer: token(),
      body: JSON.stringify({ caseNumber: 'C-1', count: 2, parties: [validParty] }),
    });
    expect(response).toMatchObject({ status: 201, body: { caseNumber: 'C-1', parties: 1 } });
  });

  it('refuses an unknown field and a wrong type with 400 and one entry per field', async () => {
    const body = {
      caseNumber: 'C-1',
      count: 'two',
      parties: [validParty, { ...validParty, fullName: 7, shoeSize: 44 }],
      extra: 1,
    };
    const response = await call('/api/things', { method: 'POST', bearer: token(), body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(response.type).toContain('application/problem+json');
    expect(response.body).toMatchObject({ type: 'urn:rj:problem:validation', status: 400 });
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'is not a known field' },
        { field: 'count', message: 'must be an integer number' },
        { field: 'parties[1].fullName', message: 'must be a string' },
        { field: 'parties[1].shoeSize', message: 'is not a known field' },
      ]),
    );
  });

  it('answers 400 problem+json to malformed JSON', async () => {
    const response = await call('/api/things', { method: 'POST', bearer: token(), body: '{"caseNumber": ' });
    expect(response).toMatchObject({
      status: 400,
      body: { type: 'urn:rj:problem:malformed-json', detail: 'The request body is not valid JSON.' },
    });
    expect(response.type).toContain('application/problem+json');
  });

  it('answers 413 problem+json to a body over BODY_LIMIT', async () => {
    const body = JSON.stringify({ caseNumber: 'C-1', count: 1, parties: [validParty], notes: 'x'.repeat(4096) });
    const response = await call('/api/things', { method: 'POST', bearer: token(), body });
    expect(response).toMatchObject({
      status: 413,
      body: { status: 413, detail: 'The request body exceeds the limit of 2kb.' },
    });
    expect(response.type).toContain('application/problem+json');
  });

  it('maps a domain rule violation to 409 with the rule and unmet conditions', async () => {
    const response = await call('/api/things/rule', { bearer: token() });
    expect(response.body).toMatchObject({
      status: 409,
      type: 'urn:rj:problem:rule-violation',
      rule: 'joint_dialogue_gate',
      unmet: ['consent:participant-1'],
      detail: 'A joint dialogue needs every participant to consent first.',
    });
  });

  it('answers an unexpected error with a generic 500 and logs it, never echoing internals', async () => {
    const response = await call('/api/things/boom', { bearer: token() });
    expect(response.status).toBe(500);
    expect(JSON.stringify(response.body)).not.toContain('secret_table');
    expect(logLines.some((line) => line.includes('secret_table') && line.includes('"level":50'))).toBe(true);
  });

  it('echoes the caller’s correlation id, mints one otherwise, and stamps log lines with it', async () => {
    const echoed = await call('/api/things', {
      method: 'POST',
      bearer: token(),
      headers: { 'x-correlation-id': 'corr-123' },
      body: JSON.stringify({ caseNumber: 'C-9', count: 0, parties: [validParty] }),
    });
    expect(echoed.headers.get('x-correlation-id')).toBe('corr-123');
    expect(
      logLines.some((line) => line.includes('thing received') && line.includes('"correlationId":"corr-123"')),
    ).toBe(true);
    const minted = await call('/health/live');
    expect(minted.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await call('/api/things/me');
    expect(refused.body.correlationId).toBe(refused.headers.get('x-correlation-id'));
  });

  it('redacts personal data and credentials from log lines', async () => {
    const bearer = token();
    await call('/api/things', {
      method: 'POST',
      bearer,
      headers: { 'x-correlation-id': 'redaction' },
      body: JSON.stringify({
        caseNumber: 'C-2',
        count: 1,
        notes: 'victim is afraid',
        parties: [{ ...validParty, fullName: 'Joan Victimson' }],
      }),
    });
    const lines = logLines.filter(
      (line) => line.includes('"correlationId":"redaction"') || line.includes('"id":"redaction"'),
    );
    expect(
      lines.some(
        (line) =>
          line.includes('thing received') &&
          line.includes('"fullName":"[redacted]"') &&
          line.includes('"notes":"[redacted]"'),
      ),
    ).toBe(true);
    expect(lines.some((line) => line.includes('request completed'))).toBe(true);
    const all = logLines.join('\n');
    expect(all).not.toContain('Joan Victimson');
    expect(all).not.toContain('victim is afraid');
    expect(all).not.toContain(bearer);
  });

  it('serves internal routes on the internal port only, to services', async () => {
    const base = service.internal!.url;
    expect(
      await call('/internal/keys/k1', { base, bearer: mintServiceToken('partner-matching', SECRET) }),
    ).toMatchObject({ status: 200, body: { keyId: 'k1' } });
    expect((await call('/internal/keys/k1', { base, bearer: token('admin') })).status).toBe(403);
    expect((await call('/internal/keys/k1', { base })).status).toBe(401);
    expect((await call('/internal/keys/k1', { bearer: mintServiceToken('partner-matching', SECRET) })).status).toBe(
      404,
    );
  });

  it('stops a process whose environment is malformed with one line per problem and exit 1', async () => {
    const child = spawn(
      process.execPath,
      ['-r', './tools/runtime/register.js', 'libs/shared/service/src/test/fixtures/bad-env.main.ts'],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH, PORT: 'abc', DATABASE_URL: 'postgres://rj@127.0.0.1:5432/rj' },
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('[config] PORT: must be a number between 0 and 65535 (got "abc")\n');
    expect(code).toBe(1);
  });

  // Last: it closes the service.
  it('on close, lets an in-flight request finish before the destroy hooks run, then refuses connections', async () => {
    const entered = SlowRequestGate.reset();
    const inFlight = call('/api/things/slow', { bearer: token() });
    await entered;
    const closed = service.close();
    // Closing has begun with the request inside its handler; only now may it finish.
    SlowRequestGate.release();
    const response = await inFlight;
    await closed;
    expect(response.status).toBe(200);
    expect(ShutdownProbe.destroyedAt).toBeGreaterThanOrEqual(response.body.finishedAt);
    await expect(fetch(`${service.url}/health/live`)).rejects.toThrow();
  });
});
