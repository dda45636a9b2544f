import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger: one row per event, chained by hash, numbered gap-free. `ledger_head` is a single
 * row holding the last (sequence, hash): appenders lock it `for update`, which serialises
 * appends from concurrently consumed partitions and makes the numbering gap-free (a sequence
 * object would leave holes on rollback). `recorded_at` never goes backwards (taken under the
 * lock), so a recorded_at range is a contiguous stretch of the chain.
 */
export class CreateLedgerTables1764700000000 implements MigrationInterface {
  name = 'CreateLedgerTables1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      create table ledger_entry (
        sequence bigint not null,
        event_id uuid not null,
        topic text not null,
        kafka_partition integer,
        kafka_offset bigint,
        event_type text not null,
        aggregate_type text not null,
        aggregate_id text not null,
        referral_id uuid,
        occurred_at timestamptz not null,
        recorded_at timestamptz not null,
        canonical text not null,
        prev_hash char(64) not null,
        hash char(64) not null,
        constraint pk_ledger_entry primary key (sequence),
        constraint uq_ledger_entry_event_id unique (event_id),
        constraint ck_ledger_entry_sequence_positive check (sequence > 0)
      )`);
    await runner.query(
      'create index ix_ledger_entry_referral on ledger_entry (referral_id, sequence) where referral_id is not null',
    );
    await runner.query('create index ix_ledger_entry_aggregate on ledger_entry (aggregate_id, sequence)');
    await runner.query('create index ix_ledger_entry_type on ledger_entry (event_type, sequence)');
    await runner.query('create index ix_ledger_entry_occurred_at on ledger_entry (occurred_at)');
    await runner.query('create index ix_ledger_entry_recorded_at on ledger_entry (recorded_at)');
    await runner.query(`
      create table ledger_head (
        id smallint not null default 1,
        sequence bigint not null,
        hash char(64) not null,
        recorded_at timestamptz,
        constraint pk_ledger_head primary key (id),
        constraint ck_ledger_head_single_row check (id = 1)
      )`);
    await runner.query(
      `insert into ledger_head (id, sequence, hash, recorded_at) values (1, 0, repeat('0', 64), null)`,
    );
    await runner.query(`
      create table ledger_checkpoint (
        sequence bigint not null,
        hash char(64) not null,
        signed_at timestamptz not null,
        signature text not null,
        public_key_id text not null,
        constraint pk_ledger_checkpoint primary key (sequence)
      )`);
    await runner.query(`
      create table referral_state (
        referral_id uuid not null,
        state jsonb not null,
        last_sequence bigint not null,
        constraint pk_referral_state primary key (referral_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop table referral_state');
    await runner.query('drop table ledger_checkpoint');
    await runner.query('drop table ledger_head');
    await runner.query('drop table ledger_entry');
  }
}
