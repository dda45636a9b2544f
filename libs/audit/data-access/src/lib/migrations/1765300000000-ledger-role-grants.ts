import type { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_ROLES } from '../audit-roles';

/**
 * What the runtime and signer roles may do, table by table (AUDIT_ROLES). Runs as the owner.
 * ledger_entry: SELECT and INSERT only — an UPDATE, DELETE or TRUNCATE by the service is
 * refused by the grants before the append-only trigger is even reached. A migration that adds
 * a table grants on it in the same way: nothing is granted by default.
 */
const RUNTIME_GRANTS: Record<string, string> = {
  ledger_entry: 'select, insert',
  ledger_head: 'select, insert, update',
  // Checkpoints are written by the signer only; the API reads and checks them.
  ledger_checkpoint: 'select',
  referral_state: 'select, insert, update, delete',
  ledger_verification: 'select, insert, update',
  outbox: 'select, insert, update, delete',
  inbox: 'select, insert, delete',
  pending_event: 'select, insert, update, delete',
};

const SIGNER_GRANTS: Record<string, string> = {
  ledger_entry: 'select',
  ledger_head: 'select',
  ledger_checkpoint: 'select, insert',
};

export class LedgerRoleGrants1765300000000 implements MigrationInterface {
  name = 'LedgerRoleGrants1765300000000';

  async up(runner: QueryRunner): Promise<void> {
    // Provisioned beforehand as login roles (tools/infra, CloudNativePG). Where they are not —
    // a test's scratch database, migrated by a superuser — they are created without login, so
    // the grants below always have a grantee. Roles are per server: another process may win the race.
    for (const role of [AUDIT_ROLES.runtime, AUDIT_ROLES.signer]) {
      await runner.query(`do $$ begin
          if not exists (select 1 from pg_roles where rolname = '${role}') then create role ${role}; end if;
        exception when duplicate_object or unique_violation then null;
        end $$`);
      await runner.query(`revoke all on all tables in schema public from ${role}`);
      await runner.query(`grant usage on schema public to ${role}`);
    }
    for (const [table, privileges] of Object.entries(RUNTIME_GRANTS))
      await runner.query(`grant ${privileges} on ${table} to ${AUDIT_ROLES.runtime}`);
    await runner.query(`grant usage, select on all sequences in schema public to ${AUDIT_ROLES.runtime}`);
    for (const [table, privileges] of Object.entries(SIGNER_GRANTS))
      await runner.query(`grant ${privileges} on ${table} to ${AUDIT_ROLES.signer}`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const role of [AUDIT_ROLES.runtime, AUDIT_ROLES.signer]) {
      await runner.query(`revoke all on all tables in schema public from ${role}`);
      await runner.query(`revoke all on all sequences in schema public from ${role}`);
    }
  }
}
