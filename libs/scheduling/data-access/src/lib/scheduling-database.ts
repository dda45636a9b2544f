import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';

/**
 * mediation-scheduling's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const SCHEDULING_DATABASE = {
  defaultName: 'rj_mediation_scheduling',
  entities: [] as (new () => unknown)[],
  migrations: [CreateMessagingTables1764100000000] as (new () => unknown)[],
};
