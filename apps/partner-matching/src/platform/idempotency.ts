import type { DataSource, EntityManager } from 'typeorm';
import { InvalidInput } from '@rj/shared/contracts';
import type { Principal } from '@rj/shared/auth';
import { IdempotencyStore, idempotencyScope, isValidIdempotencyKey, requestDigest } from '@rj/shared/service';
import { inTransaction } from './transactions';

/**
 * Runs a create once per `Idempotency-Key` (api.md, Conventions) through the platform's shared
 * idempotency store and rules (@rj/shared/service): scoped to the caller's organisation, the
 * same key and body return the first answer, the same key with another body is a 409. The key
 * is claimed in the create's own transaction, so a concurrent twin waits on it and then reads
 * the answer, and a create that rolls back frees its key.
 */
export function idempotentCreate<T>(
  dataSource: DataSource,
  principal: Principal,
  key: string | undefined,
  request: { route: string; body: unknown },
  create: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (key === undefined) return inTransaction(dataSource, create);
  if (!isValidIdempotencyKey(key)) {
    throw new InvalidInput('invalid Idempotency-Key', [
      { field: 'Idempotency-Key', message: 'must be 1 to 200 letters, digits or ._:-' },
    ]);
  }
  const [method, path] = request.route.split(' ', 2);
  const claim = { scope: idempotencyScope(principal), key, requestHash: requestDigest(method, path, request.body) };
  const store = new IdempotencyStore(dataSource);
  return inTransaction(dataSource, async (manager) => {
    const first = await store.claimWithin(manager, claim);
    if (first) return first.body as T;
    const result = await create(manager);
    await store.recordWithin(manager, claim, { status: 201, body: JSON.parse(JSON.stringify(result)) as unknown });
    return result;
  });
}
