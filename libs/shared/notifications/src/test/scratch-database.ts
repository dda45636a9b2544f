import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { notificationEntities, notificationMigrations } from '../index';

const ADMIN_URL = process.env['PG_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of this suite's own, recreated each run and migrated with the lib's migration. */
export async function createScratchDatabase(name: string): Promise<DataSource> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dataSource = new DataSource({
    type: 'postgres',
    url: url.toString(),
    entities: notificationEntities,
    migrations: notificationMigrations,
    synchronize: false,
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}
