import { runMigrationJob } from '@rj/shared/persistence';
import { MATCHING_DATABASE } from '@rj/matching/data-access';

/**
 * partner-matching's migration job: creates its database if needed and applies its migrations.
 */
void runMigrationJob('partner-matching', MATCHING_DATABASE.migrations);
