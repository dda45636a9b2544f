import type { DataSource, EntityManager } from 'typeorm';
import { withRetriedTransaction } from '@rj/shared/persistence';

/**
 * A transaction retried when Postgres rolled it back for a deadlock or a serialization failure:
 * locks are taken referral → offer → partner everywhere, but a consumer's batch transaction can
 * still cross a request's, and the loser may simply run again.
 */
export function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  attempts = 3,
): Promise<T> {
  return withRetriedTransaction(dataSource, work, attempts);
}
