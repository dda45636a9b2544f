import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';

/**
 * audit-ledger's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const AUDIT_DATABASE = {
  defaultName: 'rj_audit_ledger',
  entities: [] as (new () => unknown)[],
  migrations: [CreateMessagingTables1764100000000] as (new () => unknown)[],
};
