/**
 * Issue 14 item 16, against a started service and a real Postgres: an unexpected database error
 * is logged with its code and message, never the query's parameters or the driver's detail; the
 * case number, a disclosure's recipient and a free-text reason are redacted from log lines.
 */
import { Body, Controller, Module, Post } from '@nestjs/common';
import { mintToken } from '@rj/shared/auth';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { BaseServiceEnv, bootstrapService, validateConfig, type RunningService } from '../../index';

const SECRET = 'integration-test-secret-0123456789abcdef';
const PARAMETER = 'Maria Example 1975-04-02';
const database = new DataSource({
  type: 'postgres',
  url: process.env['POSTGRES_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
});

@Controller('api/log-probe')
class LogProbeController {
  constructor(@InjectPinoLogger('LogProbe') private readonly logger: PinoLogger) {}

  /** A query that fails in the database with a parameter holding personal data. */
  @Post('query')
  async query(): Promise<never> {
    await database.query('select $1::uuid', [PARAMETER]);
    throw new Error('unreachable');
  }

  @Post('disclosure')
  disclosure(@Body() body: Record<string, unknown>): { ok: true } {
    this.logger.info({ disclosure: body, caseNumber: body['caseNumber'] }, 'disclosure recorded');
    return { ok: true };
  }
}

@Module({ controllers: [LogProbeController] })
class LogProbeModule {}

const lines: string[] = [];
let service: RunningService;
const token = mintToken({ sub: 'alice', role: 'prosecutor', org: 'office-1', name: 'Alice' }, SECRET);
const post = (path: string, body: object = {}) =>
  fetch(`${service.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await database.initialize();
  const result = validateConfig(BaseServiceEnv, {
    NODE_ENV: 'test',
    PORT: '0',
    DATABASE_URL: 'postgres://unused@127.0.0.1:5432/unused',
    AUTH_JWT_SECRET: SECRET,
  });
  if (!result.config) throw new Error(result.errors.join('\n'));
  service = await bootstrapService({
    name: 'log-service',
    module: LogProbeModule,
    config: result.config,
    logDestination: { write: (line: string) => void lines.push(line) },
    handleSignals: false,
  });
});
afterAll(async () => {
  await service?.close();
  await database.destroy();
});

describe('error logging and redaction (issue 14 item 16)', () => {
  it('logs an unexpected database error with its code and message, never the query\u2019s parameters', async () => {
    const res = await post('/api/log-probe/query');
    expect(res.status).toBe(500);
    const logged = lines
      .map((line) => JSON.parse(line) as { err?: Record<string, unknown> })
      .find((line) => line.err?.['type'] === 'QueryFailedError');
    expect(logged?.err).toMatchObject({
      type: 'QueryFailedError',
      code: '22P02',
      message: expect.stringContaining('invalid input syntax for type uuid'),
    });
    expect(logged?.err).not.toHaveProperty('parameters');
    expect(logged?.err).not.toHaveProperty('query');
    expect(logged?.err).not.toHaveProperty('driverError');
    expect(lines.join('\n')).not.toContain('Maria Example');
  });

  it('redacts the case number, a recipient and a reason from log lines, keeping codes', async () => {
    const res = await post('/api/log-probe/disclosure', {
      caseNumber: 'PRK-2026-001234',
      recipient: 'Officer Jan de Vries',
      reason: 'threatened the neighbour',
      reasonCode: 'required_by_law',
    });
    expect(res.status).toBe(201);
    const line = lines.find((l) => l.includes('disclosure recorded'))!;
    expect(line).toBeDefined();
    for (const secret of ['PRK-2026-001234', 'Jan de Vries', 'threatened the neighbour'])
      expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      caseNumber: '[redacted]',
      disclosure: {
        caseNumber: '[redacted]',
        recipient: '[redacted]',
        reason: '[redacted]',
        reasonCode: 'required_by_law',
      },
    });
  });
});
