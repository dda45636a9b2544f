import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LessThan, type EntityManager } from 'typeorm';
import { IdempotencyKeyEntity, type AlongsideWrite } from '@rj/referral/data-access';
import type { Principal } from '@rj/shared/auth';
import { Conflict } from '@rj/shared/contracts';
import { canonicalJson, idempotencyScope, isValidIdempotencyKey, ValidationProblem } from '@rj/shared/service';

export { IDEMPOTENCY_HEADER, canonicalJson } from '@rj/shared/service';

/** One create request under an Idempotency-Key: whose, which key, and a digest of what was asked. */
export interface IdempotentRequest {
  scope: string;
  key: string;
  requestHash: string;
}

export interface StoredAnswer<T> {
  status: number;
  body: T;
  /** True when this is the first request's answer, given again. */
  replayed?: boolean;
}

/**
 * api.md: a `POST` that creates accepts an `Idempotency-Key`, scoped to the caller's
 * organisation (a caller without one, an admin, is its own scope). The request is identified
 * by route and body in canonical form (key order does not matter), never stored as such: the
 * body holds personal data, its digest does not.
 */
export function idempotentRequest(
  principal: Principal,
  key: string | undefined,
  route: string,
  body: unknown,
): IdempotentRequest | undefined {
  if (key === undefined) return undefined;
  // The platform's one key rule and scope (@rj/shared/service); intake keeps its own table, which
  // ties each key to the referral it created so erasure can take the digest with it.
  if (!isValidIdempotencyKey(key))
    throw new ValidationProblem([{ field: 'Idempotency-Key', message: 'must be 1 to 200 letters, digits or ._:-' }]);
  const scope = idempotencyScope(principal);
  const requestHash = createHash('sha256').update(route).update('\n').update(canonicalJson(body)).digest('hex');
  return { scope, key, requestHash };
}

/**
 * The Idempotency-Key table, used inside the creating transaction. `claim` inserts the key
 * first: a concurrent request with the same key blocks on the primary key until the first
 * commits, then reads its answer (or, if the first rolled back, takes the key over). So
 * concurrent duplicates create one resource, and all of them get its answer.
 */
@Injectable()
export class Idempotency {
  /** Undefined when this request now owns the key; the first answer when it is a repeat. */
  async claim<T>(manager: EntityManager, request: IdempotentRequest): Promise<StoredAnswer<T> | undefined> {
    const claimed: unknown[] = await manager.query(
      `insert into idempotency_key (scope, idempotency_key, request_hash) values ($1, $2, $3)
       on conflict on constraint idempotency_key_pk do nothing returning scope`,
      [request.scope, request.key, request.requestHash],
    );
    if (claimed.length) return undefined;
    const first = await manager.findOneByOrFail(IdempotencyKeyEntity, {
      scope: request.scope,
      idempotencyKey: request.key,
    });
    if (first.requestHash !== request.requestHash) {
      throw new Conflict('this Idempotency-Key was already used with another request', {
        rule: 'idempotency_key_reused',
      });
    }
    if (first.responseStatus === null)
      throw new Conflict('the first request with this Idempotency-Key has not finished', {
        rule: 'idempotency_key_in_flight',
      });
    return { status: first.responseStatus, body: first.responseBody as T, replayed: true };
  }

  /**
   * Stores the answer with the resource: an update of the claimed key for the creating
   * statement to carry (parameters from `firstParameter`), so it commits with the resource
   * in the same round trip.
   */
  recordAlongside(
    request: IdempotentRequest,
    resourceId: string,
    answer: StoredAnswer<unknown>,
    firstParameter: number,
  ): AlongsideWrite {
    const p = firstParameter;
    return {
      sql: `update idempotency_key set resource_id = $${p}, response_status = $${p + 1}, response_body = $${p + 2}::jsonb
            where scope = $${p + 3} and idempotency_key = $${p + 4}`,
      values: [resourceId, answer.status, JSON.stringify(answer.body), request.scope, request.key],
    };
  }

  /** Stores the answer with the resource, in the same transaction, as a statement of its own. */
  async record(
    manager: EntityManager,
    request: IdempotentRequest,
    resourceId: string,
    answer: StoredAnswer<unknown>,
  ): Promise<void> {
    const update = this.recordAlongside(request, resourceId, answer, 1);
    await manager.query(update.sql, update.values);
  }

  /** Erasure: the digests of a referral's requests go with its personal data. */
  async forget(manager: EntityManager, resourceId: string): Promise<void> {
    await manager.delete(IdempotencyKeyEntity, { resourceId });
  }

  /** Keys older than their time to live no longer answer; returns how many were purged. */
  async purgeOlderThan(manager: EntityManager, cutoff: Date): Promise<number> {
    return (await manager.delete(IdempotencyKeyEntity, { createdAt: LessThan(cutoff) })).affected ?? 0;
  }
}
