import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LEDGER_COLUMNS_CHECK, LEDGER_COLUMNS_CHECK_EXPRESSION } from '../ledger-columns-check';

/**
 * Postgres itself holds ledger_entry's type, referral and time columns to the hashed event, on
 * every insert and update (issue 15: verification then need not parse every event again; see
 * ledger-columns-check.ts). Added NOT VALID and validated in a second step, so an existing
 * ledger is checked under a lock that does not stop appends.
 */
export class LedgerColumnsCheck1765400000000 implements MigrationInterface {
  name = 'LedgerColumnsCheck1765400000000';
  transaction = false as const;

  async up(runner: QueryRunner): Promise<void> {
    // Outside a transaction: a run stopped between the two steps starts again cleanly.
    await runner.query(`alter table ledger_entry drop constraint if exists ${LEDGER_COLUMNS_CHECK}`);
    await runner.query(
      `alter table ledger_entry add constraint ${LEDGER_COLUMNS_CHECK} check (${LEDGER_COLUMNS_CHECK_EXPRESSION}) not valid`,
    );
    await runner.query(`alter table ledger_entry validate constraint ${LEDGER_COLUMNS_CHECK}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`alter table ledger_entry drop constraint ${LEDGER_COLUMNS_CHECK}`);
  }
}
