import { runMigrationJob } from '@rj/shared/persistence';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';

/**
 * outcome-tracking's migration job: creates its database if needed and applies its migrations.
 */
void runMigrationJob('outcome-tracking', OUTCOME_DATABASE.migrations);
