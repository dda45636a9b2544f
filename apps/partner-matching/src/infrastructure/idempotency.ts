import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { IdempotencyKeyEntity } from '@rj/matching/data-access';
import { Conflict, InvalidInput } from '@rj/shared/contracts';
import type { Principal } from '@rj/shared/auth';
import { inTransaction } from './transactions';

const KEY_PATTERN = /^[A-Za-z0-9._:-]{1,200}$/;

/** JSON with object keys sorted, so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs a create once per `Idempotency-Key` (api.md, Conventions), scoped to the caller's
 * organisation (a user's own for callers of none, such as admins): the same key and body return
 * the first answer; the same key with another body is a 409. The key row is inserted in the
 * create's own transaction, so a concurrent twin waits on it and then reads the answer.
 */
export function idempotentCreate<T>(
  dataSource: DataSource,
  principal: Principal,
  key: string | undefined,
  request: { route: string; body: unknown },
  create: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (key === undefined) return inTransaction(dataSource, create);
  if (!KEY_PATTERN.test(key)) {
    throw new InvalidInput('invalid Idempotency-Key', [{ field: 'Idempotency-Key', message: 'must be 1 to 200 letters, digits or ._:-' }]);
  }
  const scope = principal.org ?? `user:${principal.sub}`;
  const requestHash = createHash('sha256').update(`${request.route}\n${canonical(request.body)}`).digest('hex');
  return inTransaction(dataSource, async (manager) => {
    const claimed: unknown[] = await manager.query(
      `insert into idempotency_key (scope, key, request_hash, response_status, response_body) values ($1, $2, $3, 0, 'null'::jsonb)
       on conflict do nothing returning key`,
      [scope, key, requestHash],
    );
    if (!claimed.length) {
      const first = await manager.findOneByOrFail(IdempotencyKeyEntity, { scope, key });
      if (first.requestHash !== requestHash) throw new Conflict('this Idempotency-Key was already used with another request');
      return first.responseBody as T;
    }
    const result = await create(manager);
    await manager.update(IdempotencyKeyEntity, { scope, key }, { responseStatus: 201, responseBody: result as object });
    return result;
  });
}
