import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';

/**
 * referral-intake's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const REFERRAL_DATABASE = {
  defaultName: 'rj_referral_intake',
  entities: [] as (new () => unknown)[],
  migrations: [CreateMessagingTables1764100000000] as (new () => unknown)[],
};
