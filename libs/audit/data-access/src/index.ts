export { AUDIT_DATABASE } from './lib/audit-database';
export { AUDIT_ROLES } from './lib/audit-roles';
export { LedgerEntryEntity } from './lib/entities/ledger-entry.entity';
export { LedgerHeadEntity } from './lib/entities/ledger-head.entity';
export { LedgerCheckpointEntity } from './lib/entities/ledger-checkpoint.entity';
export { ReferralStateEntity } from './lib/entities/referral-state.entity';
export { LedgerAppends, appendToLedger, type AppendInput } from './lib/ledger-appender';
export {
  LEDGER_COLUMNS_MATCH,
  LEDGER_NDJSON_LINE_COLUMN,
  LEDGER_ROW_COLUMNS,
  whereOf,
  type LedgerFilter,
  type LedgerRow,
} from './lib/ledger-rows';
export { streamLedger, type CursorOptions } from './lib/ledger-cursor';
export { visitLedgerRows, type LedgerVisit } from './lib/ledger-row-visit';
export {
  LEDGER_COLUMNS_CHECK,
  LEDGER_COLUMNS_CHECK_EXPRESSION,
  chainColumns,
  columnsCheckedByDatabase,
} from './lib/ledger-columns-check';
export {
  chainPointAt,
  findLedgerPage,
  findReferralTimelinePage,
  latestLedgerSequence,
  readLedgerHead,
  type LedgerHead,
} from './lib/ledger-queries';
export { allCheckpoints, checkpointAt, latestCheckpoint, saveCheckpoint } from './lib/checkpoint-store';
export { rebuildReferralState, type RebuildOptions, type RebuildReport } from './lib/projection-rebuild';
export {
  findVerification,
  finishVerification,
  insertVerification,
  latestVerifications,
  recordVerificationProgress,
} from './lib/verification-store';
export {
  ledgerExceptions,
  personalDataReadVolumes,
  sampleReferrals,
  type LedgerException,
} from './lib/oversight-queries';
export { LEDGER_APPEND_ONLY_TRIGGER } from './lib/migrations/1765200000000-ledger-append-only';
