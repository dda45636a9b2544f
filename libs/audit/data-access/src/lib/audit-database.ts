import { SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { CreateMessagingTables1764100000000 } from '@rj/shared/messaging';
import { LedgerCheckpointEntity } from './entities/ledger-checkpoint.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { LedgerHeadEntity } from './entities/ledger-head.entity';
import { ReferralStateEntity } from './entities/referral-state.entity';
import { CreateLedgerTables1764700000000 } from './migrations/1764700000000-create-ledger-tables';
import { CreateLedgerVerifications1765000000000 } from './migrations/1765000000000-create-ledger-verifications';
import { IndexReferralTimeline1765100000000 } from './migrations/1765100000000-index-referral-timeline';
import { LedgerAppendOnly1765200000000 } from './migrations/1765200000000-ledger-append-only';
import { LedgerRoleGrants1765300000000 } from './migrations/1765300000000-ledger-role-grants';
import { LedgerColumnsCheck1765400000000 } from './migrations/1765400000000-ledger-columns-check';

/**
 * audit-ledger's own database: its entities and its migrations, in order. The migrations list is
 * the schema; TypeORM never synchronises. The tools (migrate, seed) and the app read it here.
 */
export const AUDIT_DATABASE = {
  defaultName: SERVICE_TOPOLOGY['audit-ledger'].database,
  entities: [LedgerEntryEntity, LedgerHeadEntity, LedgerCheckpointEntity, ReferralStateEntity] as (new () => unknown)[],
  migrations: [
    CreateMessagingTables1764100000000,
    CreateLedgerTables1764700000000,
    CreateLedgerVerifications1765000000000,
    IndexReferralTimeline1765100000000,
    LedgerAppendOnly1765200000000,
    LedgerRoleGrants1765300000000,
    LedgerColumnsCheck1765400000000,
  ] as (new () => unknown)[],
};
