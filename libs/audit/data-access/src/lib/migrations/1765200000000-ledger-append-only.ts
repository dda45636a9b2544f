import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The trigger's name, for the tamper tests that act as the owner with it disabled. */
export const LEDGER_APPEND_ONLY_TRIGGER = 'ledger_entry_append_only';

/**
 * The ledger is append-only in the database itself, not only by the code's good manners: a
 * trigger refuses every UPDATE and DELETE of ledger_entry (and TRUNCATE), whoever asks. Only the
 * table's owner can disable it (ALTER TABLE … DISABLE TRIGGER), and the runtime role should not
 * be the owner: run migrations as a separate role and grant the service SELECT and INSERT only
 * on ledger_entry (see the audit-ledger's README). Should someone with the owner's rights rewrite rows anyway, the hash chain,
 * the signed checkpoints and the column check of verification find it.
 */
export class LedgerAppendOnly1765200000000 implements MigrationInterface {
  name = 'LedgerAppendOnly1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`create function ledger_entry_refuse_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the ledger is append-only: % of ledger_entry refused', tg_op using errcode = 'insufficient_privilege';
      end $$`);
    await runner.query(
      `create trigger ${LEDGER_APPEND_ONLY_TRIGGER} before update or delete on ledger_entry for each row execute function ledger_entry_refuse_change()`,
    );
    await runner.query(
      `create trigger ${LEDGER_APPEND_ONLY_TRIGGER}_truncate before truncate on ledger_entry for each statement execute function ledger_entry_refuse_change()`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`drop trigger ${LEDGER_APPEND_ONLY_TRIGGER}_truncate on ledger_entry`);
    await runner.query(`drop trigger ${LEDGER_APPEND_ONLY_TRIGGER} on ledger_entry`);
    await runner.query('drop function ledger_entry_refuse_change()');
  }
}
