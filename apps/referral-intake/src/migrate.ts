import { runMigrationJob } from '@rj/shared/persistence';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';

/**
 * referral-intake's migration job: creates its database if needed and applies its migrations.
 */
void runMigrationJob('referral-intake', REFERRAL_DATABASE.migrations);
