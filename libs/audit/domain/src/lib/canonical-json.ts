/**
 * Canonical JSON in the manner of RFC 8785 (JCS): object keys sorted by UTF-16 code units, no
 * whitespace, numbers in ECMAScript's shortest round-trip form (what JSON.stringify emits for a
 * finite number, -0 as 0), strings JSON-escaped. The ledger hashes these bytes, so the same event
 * must give the same string on any machine, whatever order its producer wrote the keys in.
 *
 * Anything JSON cannot carry faithfully is refused rather than silently dropped or rewritten —
 * a hash over a lossy form would "verify" data that is not what was stored: undefined (also as
 * an object property or array hole), functions, symbols, bigint, NaN, ±Infinity, lone
 * surrogates, cycles, and objects other than plain objects and arrays (Date, Map, class
 * instances — pass their JSON form instead).
 */
export class CanonicalJsonError extends TypeError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`cannot canonicalise ${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

// In a /u regex a surrogate pair is one code point, so this matches only lone (unpaired) halves.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

export function canonicalJson(value: unknown): string {
  return write(value, { keys: [], ancestors: new Set<object>() });
}

/** Where the writer is; the readable path is built only when something is refused. */
interface Walk {
  keys: (string | number)[];
  ancestors: Set<object>;
}

function refuse(walk: Walk, reason: string): never {
  const path = walk.keys.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
  throw new CanonicalJsonError(`$${path}`, reason);
}

function writeString(text: string, walk: Walk): string {
  if (LONE_SURROGATE.test(text)) refuse(walk, 'string holds a lone surrogate (not valid Unicode)');
  return JSON.stringify(text);
}

function write(value: unknown, walk: Walk): string {
  switch (typeof value) {
    case 'string':
      return writeString(value, walk);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) refuse(walk, `${value} is not a JSON number`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, walk);
    default:
      return refuse(walk, `${typeof value} has no JSON form`);
  }
}

function writeChild(value: unknown, key: string | number, walk: Walk): string {
  walk.keys.push(key);
  const text = write(value, walk);
  walk.keys.pop();
  return text;
}

function writeContainer(value: object, walk: Walk): string {
  if (walk.ancestors.has(value)) refuse(walk, 'circular reference');
  walk.ancestors.add(value);
  let text: string;
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) {
        walk.keys.push(i);
        refuse(walk, 'array hole (undefined)');
      }
      items.push(writeChild(value[i], i, walk));
    }
    text = `[${items.join(',')}]`;
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null)
      refuse(walk, `${proto?.constructor?.name ?? 'object'} is not a plain object`);
    const record = value as Record<string, unknown>;
    // Default sort compares UTF-16 code units, exactly RFC 8785 §3.2.3's order.
    const members = Object.keys(record)
      .sort()
      .map((key) => `${writeString(key, walk)}:${writeChild(record[key], key, walk)}`);
    text = `{${members.join(',')}}`;
  }
  walk.ancestors.delete(value);
  return text;
}
