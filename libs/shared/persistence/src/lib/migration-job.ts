import { localDatabaseUrl, SERVICE_TOPOLOGY, type ServiceName } from '@rj/shared/contracts';
import { ensureDatabaseExists } from './database-admin';
import { createDataSource, runMigrations } from './data-source.factory';

/**
 * A service's migration job (`migrate.js`: the compose one-shot, the k8s Job): creates the
 * service's database if needed and applies its migrations. It connects as DATABASE_URL says,
 * else as the topology's migration role on a developer's Postgres (audit-ledger's owner role,
 * the only one that may create its tables and grant its runtime and signer roles). Says what it
 * applied in one line; a failure is one line and exit code 1.
 */
export async function runMigrationJob(
  service: ServiceName,
  migrations: (new () => unknown)[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  const { database, migrationRole } = SERVICE_TOPOLOGY[service];
  const url = env['DATABASE_URL'] ?? localDatabaseUrl({ database, role: migrationRole });
  try {
    await ensureDatabaseExists(url);
    const applied = await runMigrations(createDataSource({ url, migrations }));
    process.stdout.write(`${service}: ${applied} migration(s) applied\n`);
  } catch (error) {
    process.stderr.write(`${service}: migration failed: ${(error as Error).message}\n`);
    // Exit now: a pool left open by the failure would keep the job running.
    process.exit(1);
  }
}
