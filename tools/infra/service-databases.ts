import { AUDIT_DATABASE, AUDIT_ROLES } from '@rj/audit/data-access';
import { MATCHING_DATABASE } from '@rj/matching/data-access';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { SCHEDULING_DATABASE } from '@rj/scheduling/data-access';
import { createDataSource, runMigrations } from '@rj/shared/persistence';

/** The services that own a database, and how to migrate it. */
export interface ServiceDatabase {
  name: string;
  databaseEnv: string;
  defaultDatabase: string;
  migrate(url: string): Promise<number>;
  /**
   * A database with roles of its own (audit-ledger): created owned by `owner`, migrated as the
   * owner, while the service logs in as another role with only what the migrations grant.
   */
  roles?: { owner: string; logins: readonly string[] };
}

const service = (
  name: string,
  database: { defaultName: string; migrations: (new () => unknown)[]; entities: (new () => unknown)[] },
  roles?: ServiceDatabase['roles'],
): ServiceDatabase => ({
  name,
  roles,
  databaseEnv: `${name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`,
  defaultDatabase: database.defaultName,
  migrate: (url) =>
    runMigrations(createDataSource({ url, migrations: database.migrations, entities: database.entities })),
});

export const SERVICE_DATABASES: ServiceDatabase[] = [
  service('referral-intake', REFERRAL_DATABASE),
  service('partner-matching', MATCHING_DATABASE),
  service('mediation-scheduling', SCHEDULING_DATABASE),
  service('outcome-tracking', OUTCOME_DATABASE),
  service('audit-ledger', AUDIT_DATABASE, {
    owner: AUDIT_ROLES.owner,
    logins: [AUDIT_ROLES.runtime, AUDIT_ROLES.signer],
  }),
];
