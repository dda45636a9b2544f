/**
 * One database per service, each migrated with the service's own TypeORM migrations.
 * Services register themselves in SERVICE_DATABASES as they gain migrations. A database with
 * roles of its own (audit-ledger) is created owned by its owner role and migrated as that
 * role; the service then logs in as its runtime role (its DATABASE_URL default).
 */
import { provisionOwnedDatabase, withUser } from '@rj/shared/persistence';
import { SERVICE_DATABASES } from './service-databases';

// services.js is plain CommonJS shared with the JS infra scripts.
const { ensureDatabase, databaseUrl, postgresAdminUrl } = require('./services');

export async function migrateAllServices(say: (line: string) => void): Promise<string[]> {
  const done: string[] = [];
  for (const service of SERVICE_DATABASES) {
    const configured = process.env[service.databaseEnv];
    const name = configured ? new URL(configured).pathname.slice(1) : service.defaultDatabase;
    let url = configured ?? databaseUrl(name);
    if (service.roles && !configured) {
      await provisionOwnedDatabase({
        adminUrl: postgresAdminUrl(),
        database: name,
        owner: service.roles.owner,
        logins: service.roles.logins,
      });
      url = withUser(url, service.roles.owner);
    } else {
      await ensureDatabase(name);
    }
    const applied = await service.migrate(url);
    say(
      `${service.name}: ${applied} migration(s) applied to ${name}${service.roles && !configured ? ` as ${service.roles.owner}` : ''}`,
    );
    done.push(name);
  }
  return done;
}
