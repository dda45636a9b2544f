import type { DataSource, EntityManager } from 'typeorm';
import { Conflict } from '@rj/shared/contracts';
import { ABANDONED_CLAIM_MS, IDEMPOTENCY_TTL_MS } from './idempotency-rules';

export interface IdempotentRequest {
  scope: string;
  key: string;
  requestHash: string;
}

export interface FirstAnswer {
  status: number;
  body: unknown;
}

interface RecordRow {
  request_hash: string;
  response_status: number | null;
  response_body: unknown;
  created_at: Date;
}

/**
 * The one idempotency store of the platform (table idempotency_record in each service's
 * database). A create claims its key before it runs and records its answer after it
 * committed; a repeat with the same body gets that answer, with another body a 409.
 *
 * The claim is its own short statement rather than part of the create's transaction, so any
 * controller can be covered by an interceptor without its service knowing. The price: a
 * process that dies between committing the create and recording the answer leaves a pending
 * claim, which a repeat may take over after ABANDONED_CLAIM_MS (and so create a second time).
 */
export class IdempotencyStore {
  constructor(private readonly dataSource: DataSource) {}

  /** Undefined when this request now owns the key; the first answer when it is a repeat. */
  claim(request: IdempotentRequest, now = new Date()): Promise<FirstAnswer | undefined> {
    return this.claimWith(this.dataSource, request, now);
  }

  /**
   * The same, inside the create's own transaction (a service that creates in one transaction
   * can be exactly-once even across a crash): a concurrent twin blocks on the key row until this
   * transaction ends, then reads its answer; record with recordWithin in the same transaction.
   */
  claimWithin(manager: EntityManager, request: IdempotentRequest, now = new Date()): Promise<FirstAnswer | undefined> {
    return this.claimWith(manager, request, now);
  }

  async recordWithin(manager: EntityManager, request: IdempotentRequest, answer: FirstAnswer): Promise<void> {
    await this.recordWith(manager, request, answer);
  }

  private async claimWith(
    db: DataSource | EntityManager,
    request: IdempotentRequest,
    now: Date,
  ): Promise<FirstAnswer | undefined> {
    const { scope, key, requestHash } = request;
    // An expired key is free again; an abandoned claim (its process died) is taken over.
    const claimed: unknown[] = await db.query(
      `insert into idempotency_record (scope, idempotency_key, request_hash, created_at) values ($1, $2, $3, $4)
       on conflict on constraint idempotency_record_pk do update
         set request_hash = excluded.request_hash, response_status = null, response_body = null, created_at = excluded.created_at
         where idempotency_record.created_at < $5
            or (idempotency_record.response_status is null and idempotency_record.created_at < $6)
       returning scope`,
      [
        scope,
        key,
        requestHash,
        now,
        new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
        new Date(now.getTime() - ABANDONED_CLAIM_MS),
      ],
    );
    if (claimed.length) return undefined;
    const [first]: RecordRow[] = await db.query(
      'select request_hash, response_status, response_body, created_at from idempotency_record where scope = $1 and idempotency_key = $2',
      [scope, key],
    );
    if (!first) return this.claimWith(db, request, now); // released between the two statements
    if (first.request_hash !== requestHash) {
      throw new Conflict('this Idempotency-Key was already used with another request', {
        rule: 'idempotency_key_reused',
      });
    }
    if (first.response_status === null) {
      throw new Conflict('the first request with this Idempotency-Key has not finished; try again shortly', {
        rule: 'idempotency_key_in_flight',
      });
    }
    return { status: first.response_status, body: first.response_body };
  }

  /** Stores the answer of the request that owns the key. */
  async record(request: IdempotentRequest, answer: FirstAnswer): Promise<void> {
    await this.recordWith(this.dataSource, request, answer);
  }

  private async recordWith(
    db: DataSource | EntityManager,
    request: IdempotentRequest,
    answer: FirstAnswer,
  ): Promise<void> {
    await db.query(
      'update idempotency_record set response_status = $3, response_body = $4::jsonb where scope = $1 and idempotency_key = $2 and request_hash = $5',
      [request.scope, request.key, answer.status, JSON.stringify(answer.body ?? null), request.requestHash],
    );
  }

  /** The create failed: free the key so the client may try again with it. */
  async release(request: IdempotentRequest): Promise<void> {
    await this.dataSource.query(
      'delete from idempotency_record where scope = $1 and idempotency_key = $2 and request_hash = $3 and response_status is null',
      [request.scope, request.key, request.requestHash],
    );
  }

  /** Keys older than their time to live no longer answer; returns how many were removed. */
  async purgeExpired(now = new Date()): Promise<number> {
    const [, affected] = (await this.dataSource.query('delete from idempotency_record where created_at < $1', [
      new Date(now.getTime() - IDEMPOTENCY_TTL_MS),
    ])) as [unknown, number];
    return affected ?? 0;
  }
}
