import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A decision that overtakes its referral.submitted now waits with the backbone's same-topic wait
 * (parked in pending_event until the submission is applied), so partner-matching's own
 * early_referral_event goes. Any event still held there moves to pending_event, parked as the
 * backbone parks it: its inbox claim (the old handler committed one) is released, it waits for
 * `referral:<id>`, and the events of one referral keep their order.
 */
export class ParkEarlyReferralEvents1796900000000 implements MigrationInterface {
  readonly name = 'ParkEarlyReferralEvents1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      insert into pending_event (consumer_group, event_id, event_type, topic, ordering_key, waiting_for, envelope)
      select i.consumer_group, e.event_id, e.envelope->>'type', i.topic, e.referral_id::text,
             'referral:' || e.referral_id, e.envelope
      from early_referral_event e join inbox i on i.event_id = e.event_id
      order by e.seq
      on conflict do nothing`);
    await queryRunner.query('delete from inbox i using early_referral_event e where i.event_id = e.event_id');
    await queryRunner.query('drop table early_referral_event');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
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
  }
}
