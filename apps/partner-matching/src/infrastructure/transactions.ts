import type { DataSource, EntityManager } from 'typeorm';
import { uuidv7 } from '@rj/shared/contracts';
import { isRetryableTransactionError, withTransaction } from '@rj/shared/persistence';
import { currentCorrelationId } from '@rj/shared/service';

/**
 * A transaction retried when Postgres rolled it back for a deadlock or a serialization failure:
 * locks are taken referral → offer → partner everywhere, but a consumer's batch transaction can
 * still cross a request's, and the loser may simply run again.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(dataSource, work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
    }
  }
}

/** Causal chain for events caused by the current HTTP request (no causing event). */
export function requestCausedBy(): { correlationId: string; causationId: null } {
  const correlationId = currentCorrelationId();
  // The envelope holds at most 100 characters; a caller's longer id is not worth a 500.
  return { correlationId: correlationId && correlationId.length <= 100 ? correlationId : uuidv7(), causationId: null };
}
