import type { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `'submitted', 'needs_review', 'matching', 'offered', 'assigned', 'in_progress'`;
const STATUSES = `${OPEN}, 'ineligible', 'completed', 'returned', 'unmatched', 'withdrawn'`;

/**
 * referral-intake's own tables. Personal data (names, birth dates, contacts, the case number
 * and free text) is stored only as `pii:1:` ciphertext under the referral's data key, so
 * deleting that key (erasure) leaves nothing readable; the columns holding it are nullable
 * because erasure also clears them here.
 */
export class CreateReferralIntakeTables1764200000000 implements MigrationInterface {
  readonly name = 'CreateReferralIntakeTables1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table office (
        id uuid constraint office_pk primary key,
        name text not null,
        jurisdictions text[] not null constraint office_jurisdictions_ck check (cardinality(jurisdictions) > 0),
        contact_email text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);

    // The key store (architecture.md): each referral's data key, wrapped by a master key whose
    // id is kept so the master key can rotate. Erasure deletes the wrapped key, keeps the row.
    await queryRunner.query(`
      create table data_key (
        key_id uuid constraint data_key_pk primary key,
        referral_id uuid not null constraint data_key_referral_uq unique,
        master_key_id text not null,
        wrapped text,
        created_at timestamptz not null default now(),
        erased_at timestamptz,
        constraint data_key_erased_ck check ((erased_at is null) = (wrapped is not null))
      )`);

    await queryRunner.query(`
      create table screening_policy (
        jurisdiction text not null,
        version integer not null constraint screening_policy_version_ck check (version > 0),
        excluded_offense_categories text[] not null,
        review_offense_categories text[] not null,
        allowed_stages text[] not null,
        excluded_severities text[] not null,
        protective_order_needs_review boolean not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        constraint screening_policy_pk primary key (jurisdiction, version)
      )`);

    await queryRunner.query(`
      create table referral (
        id uuid constraint referral_pk primary key,
        office_id uuid not null constraint referral_office_fk references office (id),
        data_key_id uuid not null constraint referral_data_key_fk references data_key (key_id),
        status text not null constraint referral_status_ck check (status in (${STATUSES})),
        source text not null,
        case_number text,
        jurisdiction text not null,
        offense_code text not null,
        offense_category text not null,
        offense_severity text not null,
        offense_description text,
        incident_date date not null,
        stage text not null,
        protective_order boolean not null,
        report_back_by date not null,
        notes text,
        screening_outcome text not null,
        screening_reasons jsonb not null,
        screening_policy_version integer not null,
        screening_default_policy boolean not null,
        review_decision text,
        review_reason text,
        reviewer_sub text,
        reviewer_role text,
        reviewed_at timestamptz,
        requires_specialist boolean not null default false,
        specialist_category text,
        partner_id uuid,
        case_id uuid,
        accepted_at timestamptz,
        first_session_at timestamptz,
        agreement_at timestamptz,
        concluded_at timestamptz,
        return_reason_code text,
        withdraw_reason_code text,
        withdrawn_at timestamptz,
        deadline_flagged_for date,
        personal_data_erased_at timestamptz,
        submitted_by text not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);
    await queryRunner.query('create index referral_office_idx on referral (office_id, id)');
    await queryRunner.query('create index referral_status_idx on referral (status, id)');
    await queryRunner.query('create index referral_jurisdiction_idx on referral (jurisdiction, id)');
    // The deadline scan reads open referrals by their report-back date only.
    await queryRunner.query(
      `create index referral_open_deadline_idx on referral (report_back_by) where status in (${OPEN})`,
    );

    await queryRunner.query(`
      create table party (
        participant_id uuid constraint party_pk primary key,
        referral_id uuid not null constraint party_referral_fk references referral (id),
        position smallint not null,
        role text not null,
        minor boolean not null,
        preferred_language text not null,
        interpreter boolean not null,
        full_name text,
        date_of_birth text,
        accessibility_needs text,
        contact jsonb not null,
        guardian jsonb,
        counsel jsonb,
        constraint party_referral_position_uq unique (referral_id, position)
      )`);

    await queryRunner.query(`
      create table referral_status_change (
        id bigserial constraint referral_status_change_pk primary key,
        referral_id uuid not null constraint referral_status_change_referral_fk references referral (id),
        status text not null,
        at timestamptz not null,
        cause text not null,
        event_id uuid
      )`);
    await queryRunner.query(
      'create index referral_status_change_referral_idx on referral_status_change (referral_id, id)',
    );

    // What the prosecutor's report needs from other services' events (architecture.md, Who knows what).
    await queryRunner.query(`
      create table sharing_consent (
        event_id uuid constraint sharing_consent_pk primary key,
        referral_id uuid not null,
        participant_id uuid not null,
        decision text not null,
        by_guardian boolean not null,
        recorded_at timestamptz not null
      )`);
    await queryRunner.query('create index sharing_consent_referral_idx on sharing_consent (referral_id)');
    await queryRunner.query(`
      create table agreement_term (
        term_id uuid constraint agreement_term_pk primary key,
        referral_id uuid not null,
        agreement_id uuid not null,
        position smallint not null,
        kind text not null,
        due_by date not null,
        status text not null constraint agreement_term_status_ck check (status in ('open', 'fulfilled', 'overdue'))
      )`);
    await queryRunner.query('create index agreement_term_referral_idx on agreement_term (referral_id)');

    // api.md: "the same key and body returns the first result; the same key with another body
    // is 409" — the primary key makes concurrent duplicates wait for the first and read it.
    await queryRunner.query(`
      create table idempotency_key (
        scope text not null,
        idempotency_key text not null,
        request_hash text not null,
        resource_id uuid,
        response_status integer,
        response_body jsonb,
        created_at timestamptz not null default now(),
        constraint idempotency_key_pk primary key (scope, idempotency_key)
      )`);
    await queryRunner.query('create index idempotency_key_created_idx on idempotency_key (created_at)');
    await queryRunner.query('create index idempotency_key_resource_idx on idempotency_key (resource_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_key',
      'agreement_term',
      'sharing_consent',
      'referral_status_change',
      'party',
      'referral',
      'screening_policy',
      'data_key',
      'office',
    ]) {
      await queryRunner.query(`drop table ${table}`);
    }
  }
}
