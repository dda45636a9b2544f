import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * partner-matching's own tables: the partner registry (with its load and response record), its
 * copy of referrals' matching attributes (and decisions that overtook them), matches, offers, assignments (load), versioned ranking
 * weights and idempotency keys. The constraints carry the rules the database can hold on its own:
 * one pending offer per referral, one offer per partner and referral, one match per referral,
 * load never negative.
 */
export class CreateMatchingTables1795671000000 implements MigrationInterface {
  readonly name = 'CreateMatchingTables1795671000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table partner (
        id uuid constraint partner_pk primary key,
        name text not null,
        jurisdictions text[] not null,
        offense_categories text[] not null,
        languages text[] not null,
        serves_minors boolean not null,
        capacity integer not null constraint partner_capacity_ck check (capacity >= 0),
        response_hours double precision not null constraint partner_response_hours_ck check (response_hours > 0),
        specialties text[] not null default '{}',
        active boolean not null default true,
        contact_email text,
        open_cases integer not null default 0 constraint partner_open_cases_ck check (open_cases >= 0),
        offers_resolved integer not null default 0 constraint partner_offers_resolved_ck check (offers_resolved >= 0),
        response_hours_total double precision not null default 0 constraint partner_response_hours_total_ck check (response_hours_total >= 0),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      )`);

    await queryRunner.query(`
      create table referral (
        id uuid constraint referral_pk primary key,
        office_id uuid not null,
        jurisdiction text not null,
        offense_category text not null,
        severity text not null,
        languages text[] not null,
        has_minor boolean not null,
        screening_outcome text constraint referral_screening_outcome_ck check (screening_outcome in ('eligible', 'ineligible', 'needs_review')),
        requires_specialist boolean not null default false,
        specialist_category text,
        withdrawn_at timestamptz,
        submitted_at timestamptz not null,
        constraint referral_specialist_ck check (requires_specialist = (specialist_category is not null))
      )`);

    // A screening, review or withdrawal that overtook its referral.submitted waits here (see
    // ReferralEventsHandler): parking it in the backbone's pending_event would also park the
    // submission behind it, on the same topic and key, and neither would ever apply.
    await queryRunner.query(`
      create table early_referral_event (
        seq bigserial constraint early_referral_event_pk primary key,
        event_id uuid not null constraint early_referral_event_event_uq unique,
        referral_id uuid not null,
        envelope jsonb not null,
        received_at timestamptz not null default now()
      )`);
    await queryRunner.query(
      'create index early_referral_event_referral_idx on early_referral_event (referral_id, seq)',
    );

    await queryRunner.query(`
      create table referral_match (
        id uuid constraint referral_match_pk primary key,
        referral_id uuid not null constraint referral_match_referral_fk references referral (id),
        weights_version integer not null,
        candidates jsonb not null,
        excluded jsonb not null,
        status text not null constraint referral_match_status_ck check (status in ('offering', 'assigned', 'unmatched', 'withdrawn')),
        computed_at timestamptz not null,
        closed_at timestamptz,
        constraint referral_match_referral_uq unique (referral_id)
      )`);

    await queryRunner.query(`
      create table offer (
        id uuid constraint offer_pk primary key,
        match_id uuid not null constraint offer_match_fk references referral_match (id),
        referral_id uuid not null constraint offer_referral_fk references referral (id),
        partner_id uuid not null constraint offer_partner_fk references partner (id),
        rank integer not null constraint offer_rank_ck check (rank between 1 and 200),
        status text not null constraint offer_status_ck check (status in ('pending', 'accepted', 'declined', 'expired', 'withdrawn')),
        made_at timestamptz not null,
        expires_at timestamptz not null,
        resolved_at timestamptz,
        decline_reason text,
        correlation_id text not null,
        made_event_id uuid,
        constraint offer_referral_partner_uq unique (referral_id, partner_id),
        constraint offer_decline_reason_ck check ((status = 'declined') = (decline_reason is not null)),
        constraint offer_resolved_ck check ((status = 'pending') = (resolved_at is null))
      )`);
    await queryRunner.query(
      `create unique index offer_one_pending_per_referral_uq on offer (referral_id) where status = 'pending'`,
    );
    await queryRunner.query(`create index offer_pending_expiry_idx on offer (expires_at) where status = 'pending'`);
    await queryRunner.query('create index offer_partner_idx on offer (partner_id, id)');
    await queryRunner.query('create index offer_match_idx on offer (match_id)');

    await queryRunner.query(`
      create table partner_assignment (
        referral_id uuid constraint partner_assignment_pk primary key constraint partner_assignment_referral_fk references referral (id),
        partner_id uuid not null constraint partner_assignment_partner_fk references partner (id),
        offer_id uuid not null constraint partner_assignment_offer_fk references offer (id),
        case_id uuid,
        active boolean not null,
        assigned_at timestamptz not null,
        released_at timestamptz,
        release_reason text constraint partner_assignment_release_reason_ck
          check (release_reason in ('case_concluded', 'case_completed', 'case_returned', 'referral_withdrawn')),
        constraint partner_assignment_released_ck check (active = (released_at is null) and active = (release_reason is null))
      )`);
    await queryRunner.query(
      'create index partner_assignment_partner_active_idx on partner_assignment (partner_id) where active',
    );

    await queryRunner.query(`
      create table ranking_weights (
        version integer constraint ranking_weights_pk primary key constraint ranking_weights_version_ck check (version >= 1),
        language double precision not null constraint ranking_weights_language_ck check (language >= 0),
        specialty double precision not null constraint ranking_weights_specialty_ck check (specialty >= 0),
        load double precision not null constraint ranking_weights_load_ck check (load >= 0),
        response_time double precision not null constraint ranking_weights_response_time_ck check (response_time >= 0),
        created_at timestamptz not null default now()
      )`);

    await queryRunner.query(`
      create table idempotency_key (
        scope text not null,
        key text not null,
        request_hash text not null,
        response_status integer not null,
        response_body jsonb not null,
        created_at timestamptz not null default now(),
        constraint idempotency_key_pk primary key (scope, key)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'idempotency_key',
      'ranking_weights',
      'partner_assignment',
      'offer',
      'referral_match',
      'early_referral_event',
      'referral',
      'partner',
    ]) {
      await queryRunner.query(`drop table ${table}`);
    }
  }
}
