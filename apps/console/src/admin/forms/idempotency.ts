import { randomUUID } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The `Idempotency-Key` of a create form: made when the empty form is shown, carried in a
 * hidden field and kept when the form comes back with errors, so a double click or a resend
 * registers one thing. Anything that is not a fresh-looking key is replaced.
 */
export function idempotencyKeyFrom(posted: unknown): string {
  return typeof posted === 'string' && UUID.test(posted) ? posted : randomUUID();
}

/** A create form shown empty, with the key that makes its first submission the only one. */
export function blankCreateForm(): { form: Record<string, never>; idempotencyKey: string } {
  return { form: {}, idempotencyKey: idempotencyKeyFrom(undefined) };
}
