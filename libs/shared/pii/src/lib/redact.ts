export const REDACTED = '[redacted]';

/**
 * Property names that hold personal data or confidential free text in this platform's shapes
 * (api.md, Referral body; scheduling's notes; the prosecutor's case number; a disclosure's
 * recipient and free-text reason — codes such as `reasonCode` stay readable). Compared without
 * case, so `FullName` and `fullname` are caught too.
 */
export const PERSONAL_DATA_KEYS: readonly string[] = [
  'fullName',
  'name',
  'firstName',
  'lastName',
  'email',
  'phone',
  'dateOfBirth',
  'address',
  'notes',
  'note',
  'text',
  'description',
  'accessibilityNeeds',
  'caseNumber',
  'contact',
  'guardian',
  'counsel',
  'recipient',
  'reason',
];
const KEYS = new Set(PERSONAL_DATA_KEYS.map((key) => key.toLowerCase()));

/** A ciphertext anywhere inside a string, not only a whole one (e.g. in an error message). */
const CIPHERTEXT_ANYWHERE = /pii:1:[0-9a-f-]{36}:[A-Za-z0-9_-]{38,}/g;

/**
 * A copy of a value safe to log or put in an error (conventions.md: "logs redact it; it never
 * appears in an error message"): personal-data properties and ciphertexts become
 * '[redacted]', deeply. Cycles are cut rather than followed; Errors keep name and message.
 * Ciphertext is redacted too: it is harmless today but names a key id that links records.
 */
export function redactPersonalData(value: unknown): unknown {
  return redact(value, new WeakMap());
}

function redact(value: unknown, seen: WeakMap<object, unknown>): unknown {
  if (typeof value === 'string') return value.replace(CIPHERTEXT_ANYWHERE, REDACTED);
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return seen.get(value);
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return REDACTED;
  if (value instanceof Date) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    value.forEach((item) => copy.push(redact(item, seen)));
    return copy;
  }
  const copy: Record<string, unknown> = {};
  seen.set(value, copy);
  if (value instanceof Error) {
    copy.name = value.name;
    copy.message = redact(value.message, seen);
  }
  const entries =
    value instanceof Map ? [...value.entries()].map(([k, v]) => [String(k), v] as const) : Object.entries(value);
  for (const [key, item] of entries) {
    copy[key] = KEYS.has(key.toLowerCase()) && item !== null && item !== undefined ? REDACTED : redact(item, seen);
  }
  return copy;
}
