import { pino } from 'pino';
import { describeError, safeErrorSerializers, serializeError } from './safe-error';

/** A TypeORM QueryFailedError as it arrives: SQL, parameters and the driver's detail attached. */
function queryFailed(): Error {
  const error = new Error('invalid input syntax for type uuid: "Maria Example"') as Error & Record<string, unknown>;
  error.name = 'QueryFailedError';
  error['query'] = 'select $1::uuid';
  error['parameters'] = ['Maria Example'];
  error['driverError'] = {
    code: '22P02',
    detail: 'Key (email)=(maria@example.org) already exists.',
    constraint: 'participant_email_uq',
  };
  return error;
}

describe('serializeError and describeError (issue 14 item 16)', () => {
  it('keeps type, code, message and schema names, and drops the query, its parameters and the detail', () => {
    const logged = serializeError(queryFailed()) as Record<string, unknown>;
    expect(logged).toMatchObject({
      type: 'QueryFailedError',
      code: '22P02',
      constraint: 'participant_email_uq',
      message: 'invalid input syntax for type uuid: [redacted]',
    });
    expect(Object.keys(logged).sort()).toEqual(['code', 'constraint', 'message', 'stack', 'type']);
    expect(JSON.stringify(logged)).not.toMatch(/Maria|maria@example/);
  });

  it('reads pino\u2019s own serialization, which keeps the error as raw', () => {
    const error = queryFailed();
    const pinoShape = Object.defineProperty(
      { type: 'QueryFailedError', message: error.message, parameters: ['Maria Example'] },
      'raw',
      { value: error, enumerable: false },
    );
    expect(JSON.stringify(serializeError(pinoShape))).not.toContain('Maria');
  });

  it('is what a logger made with safeErrorSerializers writes, under err and under error', () => {
    const lines: string[] = [];
    const logger = pino({ serializers: safeErrorSerializers }, { write: (line: string) => void lines.push(line) });
    logger.warn({ err: queryFailed() }, 'handler failed');
    logger.warn({ error: queryFailed() }, 'handler failed');
    logger.warn({ error: { fullName: 'Maria Example', step: 'screening' } }, 'not an error');
    for (const line of lines) {
      expect(line).not.toContain('select $1');
      expect(line).not.toContain('Maria Example');
      expect(line).not.toContain('maria@example.org');
      expect(line).not.toContain('"parameters"');
    }
    expect(lines.slice(0, 2).every((line) => line.includes('QueryFailedError'))).toBe(true);
    expect(JSON.parse(lines[2])).toMatchObject({ error: { fullName: '[redacted]', step: 'screening' } });
  });

  it('describes an error in one line for a log message', () => {
    expect(describeError(queryFailed())).toBe(
      'QueryFailedError (22P02): invalid input syntax for type uuid: [redacted]',
    );
    expect(describeError(new Error('smtp down'))).toBe('Error: smtp down');
    expect(describeError('plain text')).toBe('plain text');
  });

  it('keeps constraint names that PostgreSQL quotes mid-sentence', () => {
    const error = new Error('duplicate key value violates unique constraint "mediator_pk"');
    expect((serializeError(error) as { message: string }).message).toBe(
      'duplicate key value violates unique constraint "mediator_pk"',
    );
  });
});
