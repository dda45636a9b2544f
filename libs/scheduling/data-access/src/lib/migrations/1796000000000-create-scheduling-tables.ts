import type { MigrationInterface, QueryRunner } from 'typeorm';

/** mediation-scheduling's own tables: partners, mediators, referral snapshots, cases and their records. */
export class CreateSchedulingTables1796000000000 implements MigrationInterface {
  name = 'CreateSchedulingTables1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table partner (
      id uuid constraint partner_pk primary key, name text not null, active boolean not null, updated_at timestamptz not null)`);
    await q.query(`create table mediator (
      sub text constraint mediator_pk primary key, partner_id uuid not null, full_name text not null, email text not null,
      specialties jsonb not null, registered_by text not null, registered_at timestamptz not null)`);
    await q.query('create index mediator_partner_idx on mediator (partner_id, sub)');
    await q.query(`create table referral_snapshot (
      referral_id uuid constraint referral_snapshot_pk primary key, office_id uuid, data_key_id uuid, participants jsonb,
      withdrawn_at timestamptz, personal_data_erased_at timestamptz)`);
    await q.query(`create table mediation_case (
      id uuid constraint mediation_case_pk primary key, referral_id uuid not null constraint mediation_case_referral_uq unique,
      partner_id uuid not null, offer_id uuid not null, status text not null
        constraint mediation_case_status_ck check (status in ('open', 'on_hold', 'concluded')),
      hold_reason text, state jsonb not null, opened_at timestamptz not null, updated_at timestamptz not null)`);
    await q.query('create index mediation_case_partner_idx on mediation_case (partner_id, id)');
    await q.query(`create table case_mediator (
      case_id uuid not null constraint case_mediator_case_fk references mediation_case (id), mediator_id text not null,
      status text not null constraint case_mediator_status_ck check (status in ('proposed', 'assigned', 'conflicted')),
      proposed_by text not null, proposed_at timestamptz not null, declared_at timestamptz,
      constraint case_mediator_pk primary key (case_id, mediator_id))`);
    await q.query('create index case_mediator_mediator_idx on case_mediator (mediator_id, case_id)');
    await q.query(`create table session (
      id uuid constraint session_pk primary key, case_id uuid not null constraint session_case_fk references mediation_case (id),
      referral_id uuid not null, kind text not null, status text not null
        constraint session_status_ck check (status in ('scheduled', 'cancelled', 'completed')),
      starts_at timestamptz not null, ends_at timestamptz not null, location text, participant_ids jsonb not null,
      mediator_ids jsonb not null, attendance jsonb, cancel_reason_code text, recorded_late boolean not null default false,
      created_by text not null, created_at timestamptz not null, changed_by text, changed_at timestamptz,
      constraint session_times_ck check (ends_at > starts_at))`);
    await q.query('create index session_scheduled_starts_idx on session (status, starts_at)');
    await q.query('create index session_case_idx on session (case_id, starts_at)');
    await q.query(`create table participant_record (
      id uuid constraint participant_record_pk primary key, case_id uuid not null constraint participant_record_case_fk references mediation_case (id),
      participant_id uuid not null, kind text not null, details jsonb not null, recorded_by text not null, recorded_at timestamptz not null)`);
    await q.query(
      'create index participant_record_case_idx on participant_record (case_id, participant_id, recorded_at)',
    );
    await q.query(`create table case_note (
      id uuid constraint case_note_pk primary key, case_id uuid not null constraint case_note_case_fk references mediation_case (id),
      author_sub text not null, text_ciphertext text not null, created_at timestamptz not null)`);
    await q.query('create index case_note_case_idx on case_note (case_id, id)');
    await q.query(`create table disclosure (
      id uuid constraint disclosure_pk primary key, case_id uuid not null constraint disclosure_case_fk references mediation_case (id),
      legal_basis text not null, recipient_kind text not null, recipient_ciphertext text not null, recorded_by text not null,
      recorded_at timestamptz not null)`);
    await q.query('create index disclosure_case_idx on disclosure (case_id, id)');
    await q.query(`create table reminder_delivery (
      reminder_key text constraint reminder_delivery_pk primary key, session_id uuid not null, participant_id uuid not null,
      offset_minutes int not null, delivered boolean not null, handled_at timestamptz not null)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'reminder_delivery',
      'disclosure',
      'case_note',
      'participant_record',
      'session',
      'case_mediator',
      'mediation_case',
      'referral_snapshot',
      'mediator',
      'partner',
    ]) {
      await q.query(`drop table if exists ${table}`);
    }
  }
}
