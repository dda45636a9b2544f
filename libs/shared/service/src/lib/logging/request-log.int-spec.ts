/**
 * Issue 15, against a started service: a request's completion line carries the request — its
 * correlation id, method, URL (personal-data query values redacted), status and response time —
 * and a line logged while it is handled carries the correlation id; no header, credential or
 * redacted field reaches either.
 */
import { Body, Controller, Module, Post } from '@nestjs/common';
import { mintToken } from '@rj/shared/auth';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from '../../index';

const SECRET = 'integration-test-secret-0123456789abcdef';

@Controller('api/request-log-probe')
class RequestLogProbeController {
  constructor(@InjectPinoLogger('RequestLogProbe') private readonly logger: PinoLogger) {}

  @Post()
  record(@Body() body: Record<string, unknown>): { ok: true } {
    this.logger.info({ probe: body }, 'probe handled');
    return { ok: true };
  }
}

@Module({ controllers: [RequestLogProbeController] })
class RequestLogProbeModule {}

interface LogLine {
  level?: number;
  msg?: string;
  correlationId?: string;
  req?: Record<string, unknown>;
  res?: Record<string, unknown>;
  responseTime?: number;
  probe?: Record<string, unknown>;
}

const lines: string[] = [];
let service: RunningService;
const token = mintToken({ sub: 'alice', role: 'prosecutor', org: 'office-1', name: 'Alice' }, SECRET);

/** The completion line is written on the response's 'finish', which may follow the answer. */
async function completionLineOf(correlationId: string): Promise<LogLine> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const found = lines
      .map((line) => JSON.parse(line) as LogLine)
      .find((line) => line.msg === 'request completed' && line.req?.['id'] === correlationId);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no completion line for ${correlationId}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

beforeAll(async () => {
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
    LOG_LEVEL: 'info',
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  service = await bootstrapService({
    name: 'request-log-service',
    module: RequestLogProbeModule,
    config: result.config,
    logDestination: { write: (line: string) => void lines.push(line) },
    handleSignals: false,
  });
});
afterAll(() => service?.close());

describe('request log lines (issue 15)', () => {
  it('completes a request with its correlation id, method, URL, status and time, and nothing personal', async () => {
    const response = await fetch(`${service.url}/api/request-log-probe?status=open&fullName=Maria%20Example`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        cookie: 'session=cookie-secret',
        'content-type': 'application/json',
        'x-correlation-id': 'corr-request-log',
      },
      body: JSON.stringify({ caseNumber: 'PRK-2026-000777', reasonCode: 'victim_request' }),
    });
    expect(response.status).toBe(201);

    const completed = await completionLineOf('corr-request-log');
    expect(completed.req).toStrictEqual({
      id: 'corr-request-log',
      method: 'POST',
      url: '/api/request-log-probe?status=open&fullName=[redacted]',
      remoteAddress: expect.any(String),
    });
    expect(completed.res).toStrictEqual({ statusCode: 201 });
    expect(completed.responseTime).toEqual(expect.any(Number));

    const handled = lines.map((line) => JSON.parse(line) as LogLine).find((line) => line.msg === 'probe handled');
    expect(handled).toMatchObject({
      correlationId: 'corr-request-log',
      probe: { caseNumber: '[redacted]', reasonCode: 'victim_request' },
    });

    const all = lines.join('\n');
    for (const secret of [token, 'cookie-secret', 'Maria Example', 'Maria%20Example', 'PRK-2026-000777'])
      expect(all).not.toContain(secret);
    expect(all).not.toContain('"headers"');
  });

  it('logs a refused request at warn with its correlation id and status', async () => {
    const response = await fetch(`${service.url}/api/request-log-probe`, {
      method: 'POST',
      headers: { 'x-correlation-id': 'corr-refused' },
    });
    expect(response.status).toBe(401);
    const completed = await completionLineOf('corr-refused');
    expect(completed).toMatchObject({
      level: 40,
      req: { id: 'corr-refused', method: 'POST', url: '/api/request-log-probe' },
      res: { statusCode: 401 },
    });
  });
});
