import { runMigrationJob } from '@rj/shared/persistence';
import { AUDIT_DATABASE } from '@rj/audit/data-access';

/**
 * audit-ledger's migration job: creates its database if needed and applies its migrations, as
 * the owner role, the only one that may create its tables and grant its runtime and signer
 * roles (the service itself never gets this role's credentials).
 */
void runMigrationJob('audit-ledger', AUDIT_DATABASE.migrations);
