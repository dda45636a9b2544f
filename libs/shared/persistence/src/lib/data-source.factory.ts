import { DataSource, type EntitySchema, type MixedList } from 'typeorm';
import { AfterCommitSubscriber } from './after-commit';
import { PreparingClient } from './prepared-statements';

export interface DataSourceOptions {
  url: string;
  /** Entity classes of the service and of the shared libs it uses. */
  entities?: MixedList<string | (new () => unknown) | EntitySchema>;
  migrations?: MixedList<string | (new () => unknown)>;
  /** Connections in the pool; the outbox relay holds one for LISTEN/NOTIFY. */
  poolSize?: number;
  applicationName?: string;
  /**
   * Keep frequent parameterised statements prepared on each connection (PreparingClient); on by
   * default. Off only behind a pooler that does not keep a connection's prepared statements.
   */
  preparedStatements?: boolean;
}

/**
 * A TypeORM DataSource on Postgres with migrations only: `synchronize` is never on, so the
 * schema is exactly what the migrations say, in every environment. Its subscriber runs the
 * work `afterCommit` registered.
 */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    subscribers: [AfterCommitSubscriber],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName,
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
    },
  });
}

/** Runs pending migrations; returns how many were applied. */
export async function runMigrations(dataSource: DataSource): Promise<number> {
  const wasInitialized = dataSource.isInitialized;
  if (!wasInitialized) await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.length;
  } finally {
    if (!wasInitialized) await dataSource.destroy();
  }
}
