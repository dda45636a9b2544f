import { createDataSource, ensureDatabaseExists, runMigrations } from '@rj/shared/persistence';
import { AUDIT_DATABASE } from '@rj/audit/data-access';

/** Creates audit-ledger's database if needed and applies its migrations (the migration job). */
async function migrate(): Promise<void> {
  const url = process.env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:5432/${AUDIT_DATABASE.defaultName}`;
  await ensureDatabaseExists(url);
  const applied = await runMigrations(createDataSource({ url, migrations: AUDIT_DATABASE.migrations }));
  process.stdout.write(`audit-ledger: ${applied} migration(s) applied\n`);
}

migrate().catch((error: Error) => {
  process.stderr.write(`audit-ledger: migration failed: ${error.message}\n`);
  process.exit(1);
});
