import { PERSONAL_DATA_FIELDS, REDACTED } from './personal-data-fields';

/**
 * Keys whose values never reach a log line: personal data (personal-data-fields.ts) and the
 * credentials a logged header object would carry.
 */
const REDACTED_KEYS: ReadonlySet<string> = new Set([...PERSONAL_DATA_FIELDS, 'authorization', 'cookie', 'set-cookie']);

/**
 * Keys whose own serializers keep only what is safe to log (request-log.ts, and
 * safeErrorSerializers in safe-error.ts, which every logger the services make has): their raw
 * values are an IncomingMessage, a ServerResponse or an Error, which this must not walk or copy.
 */
const SERIALIZED_KEYS: ReadonlySet<string> = new Set(['req', 'res', 'err', 'error']);

/**
 * Deeper than any payload the platform logs. A subtree below it is replaced whole: a value this
 * could not look into is not logged.
 */
const MAX_DEPTH = 12;

/**
 * The value with every personal-data key replaced by `[redacted]`, at any depth, in objects
 * and arrays alike. Copy-on-write: what holds no such key is returned as it is, without a
 * single allocation, which is the common case (a request's log binding, an event id, a count).
 * The caller's objects are never changed.
 *
 * Why not pino's `redact` option (issue 15): it takes a list of paths, and a wildcard path
 * (`*.fullName`) is re-read for every key of every line and of every child logger's bindings.
 * pino-http makes a child logger per request, so intake spent ~64 KB of allocation per
 * request (a fifth of it all) redacting a binding that holds no personal data, at a log level
 * that writes no line. One walk against a set of keys costs what the value's size costs, and
 * it reaches every depth, where the paths reached the depths they spelled out.
 */
export function withoutPersonalData<T>(value: T): T {
  return redactValue(value, 0);
}

function redactValue<T>(value: T, depth: number): T {
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED as T;
  if (Array.isArray(value)) return redactArray(value, depth) as T;
  // Dates, Buffers and the like say themselves how they are logged: JSON uses toJSON.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  return redactObject(value as Record<string, unknown>, depth) as T;
}

function redactArray(items: unknown[], depth: number): unknown[] {
  let copy: unknown[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    const redacted = redactValue(item, depth + 1);
    if (redacted !== item) (copy ??= items.slice())[index] = redacted;
  }
  return copy ?? items;
}

function redactObject(object: Record<string, unknown>, depth: number, skippedKeys?: ReadonlySet<string>) {
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    if (!Object.prototype.hasOwnProperty.call(object, key) || skippedKeys?.has(key)) continue;
    const item = object[key];
    const redacted = REDACTED_KEYS.has(key) && item !== undefined ? REDACTED : redactValue(item, depth + 1);
    if (redacted !== item) (copy ??= { ...object })[key] = redacted;
  }
  return copy ?? object;
}

/**
 * A log line's own fields and a child logger's bindings, redacted before pino serialises them:
 * pino's `formatters` run before its serializers, so the keys that have a serializer of their
 * own are left to it.
 */
function redactLogFields(fields: Record<string, unknown>): Record<string, unknown> {
  return redactObject(fields, 0, SERIALIZED_KEYS);
}

/**
 * pino options that redact personal data from every line, and from the root logger's own
 * bindings. A child's bindings skip pino's bindings formatter: see redactingChildren.
 */
export const personalDataRedaction = {
  formatters: { log: redactLogFields, bindings: redactLogFields },
} as const;

/**
 * The logger, whose children, and theirs, have their bindings redacted before pino serialises
 * them, as a line's fields are: pino gives a child's bindings to no formatter. Children are made
 * with `Object.create(parent)`, so they all find this `child`.
 */
export function redactingChildren<L extends { child: (bindings: Record<string, unknown>, options?: never) => unknown }>(
  logger: L,
): L {
  const makeChild = logger.child;
  Object.defineProperty(logger, 'child', {
    value: function child(this: L, bindings: Record<string, unknown>, options?: never) {
      return makeChild.call(this, redactLogFields(bindings), options);
    },
  });
  return logger;
}
