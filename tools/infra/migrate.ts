/**
 * One database per service, each migrated with the service's own TypeORM migrations.
 * Services register themselves in SERVICE_DATABASES as they gain migrations.
 */
import { SERVICE_DATABASES } from './service-databases';

// services.js is plain CommonJS shared with the JS infra scripts.
const { ensureDatabase, databaseUrl } = require('./services');

export async function migrateAllServices(say: (line: string) => void): Promise<string[]> {
  const done: string[] = [];
  for (const service of SERVICE_DATABASES) {
    const name = process.env[service.databaseEnv] ? new URL(process.env[service.databaseEnv] as string).pathname.slice(1) : service.defaultDatabase;
    const url = process.env[service.databaseEnv] ?? databaseUrl(name);
    await ensureDatabase(name);
    const applied = await service.migrate(url);
    say(`${service.name}: ${applied} migration(s) applied to ${name}`);
    done.push(name);
  }
  return done;
}
