import type { DataSource, EntityManager } from 'typeorm';

export type IsolationLevel = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

/**
 * Runs `work` in one database transaction and passes its EntityManager down explicitly:
 * injected repositories are not in a transaction by magic (conventions.md, Data). Either all
 * of the work — state change and outbox rows — commits, or none of it does.
 */
export function withTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation?: IsolationLevel,
): Promise<T> {
  // Without an explicit level TypeORM sends no SET TRANSACTION: one round trip fewer per
  // transaction, and Postgres' default is READ COMMITTED anyway.
  return isolation ? dataSource.transaction(isolation, work) : dataSource.transaction(work);
}

/**
 * `withTransaction`, run again when Postgres rolled it back for a deadlock or a serialization
 * failure: nothing of it committed, so the work may simply run again. Work whose transactions can
 * cross take it: a consumer's batch and a request locking the same rows, or two inserts that
 * conflict under an exclusion constraint, where Postgres may detect a deadlock instead of
 * reporting the conflict to one of them (two bookings of one mediator at once).
 */
export async function withRetriedTransaction<T>(
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

/** The SQLSTATE of a Postgres error, whether TypeORM wrapped it (QueryFailedError) or not. */
export function postgresErrorCode(error: unknown): string | undefined {
  return postgresError(error)?.code;
}

function postgresError(error: unknown): { code?: string; constraint?: string } | undefined {
  const wrapped = error as { driverError?: { code?: string; constraint?: string } } | undefined;
  return wrapped?.driverError ?? (error as { code?: string; constraint?: string } | undefined);
}

/** Serialization failures and deadlocks are safe to retry: Postgres rolled the work back. */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = postgresErrorCode(error);
  return code === '40001' || code === '40P01';
}

/** A unique-constraint violation, e.g. a concurrent duplicate of an idempotent request. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = postgresError(error);
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}
