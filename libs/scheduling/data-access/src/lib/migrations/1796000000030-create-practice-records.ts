import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Practitioners (issue 22): each mediator's credentials, background checks, languages and
 * practice (supervision, observed practice, co-facilitation) recorded by the partner admin and,
 * where it must be, verified by a platform admin; the thresholds per jurisdiction; the
 * reminders already sent; and the referral's jurisdiction, whose thresholds a proposal uses.
 */
export class CreatePracticeRecords1796000000030 implements MigrationInterface {
  name = 'CreatePracticeRecords1796000000030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table if not exists practice_record (
      id uuid not null,
      mediator_sub text not null,
      partner_id uuid not null,
      record_type text not null,
      kind text not null,
      issuer text,
      hours numeric(7,2),
      obtained_on date,
      expires_on date,
      reference text,
      categories jsonb not null default '[]'::jsonb,
      with_name text,
      recorded_by text not null,
      recorded_at timestamptz not null,
      verified_by text,
      verified_at timestamptz,
      verified_on date,
      constraint practice_record_pk primary key (id),
      constraint practice_record_type_ck check (record_type in ('credential', 'background_check', 'language', 'practice')))`);
    await q.query(
      'create index if not exists practice_record_mediator_idx on practice_record (mediator_sub, record_type)',
    );
    await q.query(
      "create index if not exists practice_record_unverified_idx on practice_record (recorded_at) where verified_at is null and record_type <> 'practice'",
    );
    await q.query(`create table if not exists practice_thresholds (
      jurisdiction text not null,
      thresholds jsonb not null,
      version integer not null,
      updated_by text not null,
      updated_at timestamptz not null,
      constraint practice_thresholds_pk primary key (jurisdiction))`);
    await q.query(`create table if not exists practice_reminder (
      mediator_sub text not null,
      reminder_key text not null,
      sent_at timestamptz not null,
      constraint practice_reminder_pk primary key (mediator_sub, reminder_key))`);
    await q.query('alter table referral_snapshot add column if not exists jurisdiction text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table referral_snapshot drop column if exists jurisdiction');
    await q.query('drop table if exists practice_reminder');
    await q.query('drop table if exists practice_thresholds');
    await q.query('drop table if exists practice_record');
  }
}
