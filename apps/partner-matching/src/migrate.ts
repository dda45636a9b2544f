import { createDataSource, ensureDatabaseExists, runMigrations } from '@rj/shared/persistence';
import { MATCHING_DATABASE } from '@rj/matching/data-access';

/** Creates partner-matching's database if needed and applies its migrations (the migration job). */
async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${MATCHING_DATABASE.defaultName}`;
  await ensureDatabaseExists(url);
  const applied = await runMigrations(createDataSource({ url, migrations: MATCHING_DATABASE.migrations }));
  process.stdout.write(`partner-matching: ${applied} migration(s) applied\n`);
}

migrate().catch((error: Error) => {
  process.stderr.write(`partner-matching: migration failed: ${error.message}\n`);
  process.exit(1);
});
