import { createDataSource, ensureDatabaseExists, runMigrations } from '@rj/shared/persistence';
import { SCHEDULING_DATABASE } from '@rj/scheduling/data-access';

/** Creates mediation-scheduling's database if needed and applies its migrations (the migration job). */
async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${SCHEDULING_DATABASE.defaultName}`;
  await ensureDatabaseExists(url);
  const applied = await runMigrations(createDataSource({ url, migrations: SCHEDULING_DATABASE.migrations }));
  process.stdout.write(`mediation-scheduling: ${applied} migration(s) applied\n`);
}

migrate().catch((error: Error) => {
  process.stderr.write(`mediation-scheduling: migration failed: ${error.message}\n`);
  process.exit(1);
});
