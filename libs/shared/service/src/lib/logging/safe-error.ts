import { redactPersonalData } from '@rj/shared/pii';
import { withoutPersonalData } from './personal-data-redaction';

/** What a log line keeps of an error. */
export interface LoggedError {
  type: string;
  message: string;
  code?: string | number;
  /** A database error's constraint, table and column: schema names, never values. */
  constraint?: string;
  table?: string;
  column?: string;
  stack?: string;
  cause?: LoggedError;
}

/**
 * PostgreSQL ends some messages with the offending input ('invalid input syntax for type uuid:
 * "…"'): a parameter. Identifiers it quotes mid-sentence (constraint names) stay.
 */
const QUOTED_INPUT_AT_LINE_END = /(: )"(?:[^"\\]|\\.)*"(?=[ \t]*$)/gm;
const scrub = (text: string): string =>
  (redactPersonalData(text) as string).replace(QUOTED_INPUT_AT_LINE_END, '$1[redacted]');
const stringOrNumber = (value: unknown): string | number | undefined =>
  typeof value === 'string' || typeof value === 'number' ? value : undefined;
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

type ErrorLike = {
  name?: unknown;
  type?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  cause?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  driverError?: Record<string, unknown>;
  raw?: unknown;
};

/**
 * pino's serializer for `err` and `error`: the error's type, code and message (and stack), and
 * nothing else. pino's default copies every enumerable property, and a TypeORM QueryFailedError
 * carries the SQL, its parameters and the driver's `detail` ("Key (email)=(…) already exists"),
 * which are the personal data the request held. Ciphertexts in messages are redacted too.
 * pino-http hands over pino's own serialization of the error, which keeps the error as `raw`.
 */
/** One line for a log message: type, code and the message without parameters. */
export function describeError(value: unknown): string {
  const logged = serializeError(value) as Partial<LoggedError>;
  if (typeof logged !== 'object' || logged === null || typeof logged.message !== 'string') return String(logged);
  return `${logged.type ?? 'Error'}${logged.code !== undefined ? ` (${logged.code})` : ''}: ${logged.message}`;
}

export function serializeError(value: unknown, depth = 0): LoggedError | unknown {
  if (typeof value === 'string') return scrub(value);
  if (typeof value !== 'object' || value === null) return value;
  const raw = (value as ErrorLike).raw;
  const source = (raw instanceof Error ? raw : value) as ErrorLike;
  const isError = raw instanceof Error || value instanceof Error;
  if (!isError && text(source.message) === undefined) return value;
  const driver = source.driverError ?? {};
  const logged: LoggedError = {
    type: text(source.name) ?? text(source.type) ?? 'Error',
    message: scrub(text(source.message) ?? ''),
  };
  const code = stringOrNumber(source.code) ?? stringOrNumber(driver['code']);
  if (code !== undefined) logged.code = code;
  const constraint = text(source.constraint) ?? text(driver['constraint']);
  if (constraint) logged.constraint = constraint;
  const table = text(source.table) ?? text(driver['table']);
  if (table) logged.table = table;
  const column = text(source.column) ?? text(driver['column']);
  if (column) logged.column = column;
  const stack = text(source.stack);
  if (stack) logged.stack = scrub(stack);
  if (typeof source.cause === 'object' && source.cause !== null && depth < 3)
    logged.cause = serializeError(source.cause, depth + 1) as LoggedError;
  return logged;
}

/**
 * What an `err` or `error` field logs: serializeError's answer, and personal data redacted from
 * whatever it passes through as it was given (an object that is not an error).
 */
function loggedError(value: unknown): unknown {
  return withoutPersonalData(serializeError(value));
}

/**
 * The serializers of every pino logger the services make, for both keys an error is logged
 * under. pino's standard one copies every enumerable property of an error, a query's SQL and
 * parameters included.
 */
export const safeErrorSerializers = { err: loggedError, error: loggedError } as const;
