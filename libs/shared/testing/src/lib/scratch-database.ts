import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  createDataSource,
  dropDatabase,
  ensureDatabaseExists,
  runMigrations,
  type DataSourceOptions,
} from '@rj/shared/persistence';

export interface ScratchDatabase {
  url: string;
  dataSource: DataSource;
  drop(): Promise<void>;
}

export function postgresAdminUrl(): string {
  return process.env.POSTGRES_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** A fresh, migrated database of its own for one test suite, on the real Postgres. */
export async function createScratchDatabase(
  prefix: string,
  options: Omit<DataSourceOptions, 'url'> = {},
): Promise<ScratchDatabase> {
  const url = new URL(postgresAdminUrl());
  url.pathname = `/rj_test_${prefix.replace(/[^a-z0-9_]/g, '_')}_${randomBytes(4).toString('hex')}`;
  await ensureDatabaseExists(url.toString());
  const dataSource = createDataSource({ ...options, url: url.toString(), poolSize: options.poolSize ?? 5 });
  await dataSource.initialize();
  await runMigrations(dataSource);
  return {
    url: url.toString(),
    dataSource,
    drop: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await dropDatabase(url.toString());
    },
  };
}
