import { Writable } from 'node:stream';
import pino from 'pino';
import { lazyChild, type MessagingLogger } from './messaging-logger';

function recordingLogger(level: string): {
  logger: MessagingLogger;
  lines: Record<string, unknown>[];
  children: () => number;
} {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const base = pino({ level, redact: { paths: ['email'], censor: '[redacted]' } }, sink);
  let made = 0;
  const logger: MessagingLogger = {
    info: base.info.bind(base),
    warn: base.warn.bind(base),
    error: base.error.bind(base),
    debug: base.debug.bind(base),
    child: ((bindings: pino.Bindings) => {
      made++;
      return base.child(bindings);
    }) as MessagingLogger['child'],
  };
  return { logger, lines, children: () => made };
}

describe('lazyChild', () => {
  it('makes no child while nothing is logged', () => {
    const { logger, children } = recordingLogger('warn');
    lazyChild(logger, { eventId: 'e-1' });
    expect(children()).toBe(0);
  });

  it("logs each line with the child's bindings, redacted as the child's would be, making the child once", () => {
    const { logger, lines, children } = recordingLogger('info');
    const lazy = lazyChild(logger, { eventId: 'e-1', email: 'anna@example.org' });
    lazy.info({ step: 1 }, 'first');
    lazy.warn('second');
    lazy.child({ nested: true }).error('third');
    expect(children()).toBe(1);
    expect(lines.map(({ msg, eventId, email }) => ({ msg, eventId, email }))).toEqual([
      { msg: 'first', eventId: 'e-1', email: '[redacted]' },
      { msg: 'second', eventId: 'e-1', email: '[redacted]' },
      { msg: 'third', eventId: 'e-1', email: '[redacted]' },
    ]);
    expect(lines[0]).toMatchObject({ step: 1 });
    expect(lines[2]).toMatchObject({ nested: true });
  });
});
