import pino, { type Logger } from 'pino';

/** The pino-compatible logger the backbone writes to; services pass their own. */
export type MessagingLogger = Pick<Logger, 'info' | 'warn' | 'error' | 'debug' | 'child'>;

export function defaultMessagingLogger(name: string): MessagingLogger {
  return pino({ name, level: process.env.LOG_LEVEL ?? 'info' });
}
