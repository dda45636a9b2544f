import { createDataSource, ensureDatabaseExists, runMigrations } from '@rj/shared/persistence';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';

/** Creates referral-intake's database if needed and applies its migrations (the migration job). */
async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${REFERRAL_DATABASE.defaultName}`;
  await ensureDatabaseExists(url);
  const applied = await runMigrations(createDataSource({ url, migrations: REFERRAL_DATABASE.migrations }));
  process.stdout.write(`referral-intake: ${applied} migration(s) applied\n`);
}

migrate().catch((error: Error) => {
  process.stderr.write(`referral-intake: migration failed: ${error.message}\n`);
  process.exit(1);
});
