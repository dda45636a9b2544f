import { runMigrationJob } from '@rj/shared/persistence';
import { SCHEDULING_DATABASE } from '@rj/scheduling/data-access';

/**
 * mediation-scheduling's migration job: creates its database if needed and applies its migrations.
 */
void runMigrationJob('mediation-scheduling', SCHEDULING_DATABASE.migrations);
