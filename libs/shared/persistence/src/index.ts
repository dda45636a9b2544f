export { createDataSource, runMigrations, type DataSourceOptions } from './lib/data-source.factory';
export { insertRow, type InsertRowOptions } from './lib/insert-row';
export { lockById } from './lib/lock-by-id';
export {
  isRetryableTransactionError,
  isUniqueViolation,
  postgresErrorCode,
  withRetriedTransaction,
  withTransaction,
  type IsolationLevel,
} from './lib/transaction';
export { afterCommit, AfterCommitSubscriber } from './lib/after-commit';
export { dropDatabase, ensureDatabaseExists } from './lib/database-admin';
export { DatabaseModule, type DatabaseModuleOptions } from './lib/database.module';
export {
  CreateIdempotencyRecords1764300000000,
  idempotencyMigrations,
} from './lib/migrations/1764300000000-create-idempotency-records';
export { provisionOwnedDatabase, withUser, type OwnedDatabase } from './lib/database-roles';
export { runMigrationJob } from './lib/migration-job';
