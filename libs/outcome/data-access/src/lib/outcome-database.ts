import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';

/**
 * outcome-tracking's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const OUTCOME_DATABASE = {
  defaultName: 'rj_outcome_tracking',
  entities: [] as (new () => unknown)[],
  migrations: [CreateMessagingTables1764100000000] as (new () => unknown)[],
};
