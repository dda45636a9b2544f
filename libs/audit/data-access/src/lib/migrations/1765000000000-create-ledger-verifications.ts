import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verifications of the chain as resources: started by an auditor or an administrator, run in
 * the service, watched while they run. Kept in the database so any replica answers about any
 * run and the last verdict survives a restart. `heartbeat_at` moves while a run makes progress:
 * a run whose heartbeat stopped (its process died) reads as failed, never as running forever.
 */
export class CreateLedgerVerifications1765000000000 implements MigrationInterface {
  name = 'CreateLedgerVerifications1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table ledger_verification (
        id uuid not null,
        status text not null,
        from_sequence bigint not null,
        checked bigint not null default 0,
        total bigint not null,
        first_broken_sequence bigint,
        error text,
        started_by text not null,
        started_at timestamptz not null,
        heartbeat_at timestamptz not null,
        finished_at timestamptz,
        constraint pk_ledger_verification primary key (id),
        constraint ck_ledger_verification_status check (status in ('running', 'passed', 'failed'))
      )`);
    await runner.query('create index ix_ledger_verification_started_at on ledger_verification (started_at desc)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table ledger_verification');
  }
}
