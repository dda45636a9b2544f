import type { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError, withTransaction } from '@rj/shared/persistence';

/**
 * A transaction retried when Postgres rolled it back for a deadlock or a serialization failure:
 * locks are taken referral → offer → partner everywhere, but a consumer's batch transaction can
 * still cross a request's, and the loser may simply run again.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withTransaction(dataSource, work);
    } catch (error) {
      if (attempt >= attempts || !isRetryableTransactionError(error)) throw error;
    }
  }
}
