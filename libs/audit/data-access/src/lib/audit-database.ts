import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { LedgerCheckpointEntity } from './entities/ledger-checkpoint.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { LedgerHeadEntity } from './entities/ledger-head.entity';
import { ReferralStateEntity } from './entities/referral-state.entity';
import { CreateLedgerTables1764700000000 } from './migrations/1764700000000-create-ledger-tables';

/**
 * audit-ledger's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const AUDIT_DATABASE = {
  defaultName: 'rj_audit_ledger',
  entities: [LedgerEntryEntity, LedgerHeadEntity, LedgerCheckpointEntity, ReferralStateEntity] as (new () => unknown)[],
  migrations: [CreateMessagingTables1764100000000, CreateLedgerTables1764700000000] as (new () => unknown)[],
};
