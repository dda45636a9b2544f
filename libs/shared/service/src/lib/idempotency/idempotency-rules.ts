import { createHash } from 'node:crypto';

/** The request header a client sets to make a create safe to repeat. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** The response header saying an answer is the first request's, given again. */
export const IDEMPOTENT_REPLAYED_HEADER = 'Idempotent-Replayed';

/** 1–200 letters, digits or `._:-`: a UUID, a ULID or a client's own id fit; nothing that needs escaping in a log. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

export function isValidIdempotencyKey(key: string): boolean {
  return IDEMPOTENCY_KEY_PATTERN.test(key);
}

/**
 * Keys are scoped to the caller's organisation, so two offices may use the same key without
 * meeting; a caller without one (an administrator) is a scope of their own.
 */
export function idempotencyScope(caller: { sub: string; org?: string | null }): string {
  return caller.org ?? `user:${caller.sub}`;
}

/** JSON with object keys sorted at every depth (undefined members dropped), so `{a,b}` and `{b,a}` digest alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * What identifies a request under a key: method, path and body in canonical form. Only the
 * digest is stored — the body may hold personal data, its digest does not.
 */
export function requestDigest(method: string, path: string, body: unknown): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${path}\n`).update(canonicalJson(body)).digest('hex');
}

/** A pending claim older than this is taken to belong to a request whose process died. */
export const ABANDONED_CLAIM_MS = 5 * 60_000;
/** How long a key keeps answering with its first result. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;
