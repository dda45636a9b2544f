import { createDataSource, ensureDatabaseExists, runMigrations } from '@rj/shared/persistence';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';

/** Creates outcome-tracking's database if needed and applies its migrations (the migration job). */
async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${OUTCOME_DATABASE.defaultName}`;
  await ensureDatabaseExists(url);
  const applied = await runMigrations(createDataSource({ url, migrations: OUTCOME_DATABASE.migrations }));
  process.stdout.write(`outcome-tracking: ${applied} migration(s) applied\n`);
}

migrate().catch((error: Error) => {
  process.stderr.write(`outcome-tracking: migration failed: ${error.message}\n`);
  process.exit(1);
});
