import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the web console needs of intake's tables:
 * - `referral.case_number_index`: the keyed blind index of the case number (an HMAC, not the
 *   number), for equality search without decrypting; null once erased, and null for referrals
 *   submitted before this column until `reindex-case-numbers.ts` has run.
 * - list indexes for the keyset orders: newest first per office, deadline soonest per office.
 * - `review_override_request`: an override of an excluded domestic- or sexual-violence category
 *   waiting for a second admin's approval. The reason is ciphertext under the referral's data
 *   key, cleared on erasure; at most one request per referral is pending at a time.
 */
export class AddConsoleSearchAndOverrideApproval1796100000000 implements MigrationInterface {
  readonly name = 'AddConsoleSearchAndOverrideApproval1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table referral add column case_number_index text');
    await queryRunner.query(
      'create index referral_case_number_index_idx on referral (case_number_index) where case_number_index is not null',
    );
    await queryRunner.query('create index referral_office_deadline_idx on referral (office_id, report_back_by, id)');
    await queryRunner.query('create index referral_deadline_idx on referral (report_back_by, id)');
    await queryRunner.query(`
      create table review_override_request (
        id uuid constraint review_override_request_pk primary key,
        referral_id uuid not null constraint review_override_request_referral_fk references referral (id),
        category text not null,
        reason text,
        status text not null constraint review_override_request_status_ck check (status in ('pending', 'approved', 'rejected')),
        requested_by_sub text not null,
        requested_at timestamptz not null,
        decided_by_sub text,
        decided_at timestamptz
      )`);
    await queryRunner.query(
      `create unique index review_override_request_pending_uq on review_override_request (referral_id) where status = 'pending'`,
    );
    await queryRunner.query('create index review_override_request_status_idx on review_override_request (status, id)');
    await queryRunner.query(
      'create index review_override_request_referral_idx on review_override_request (referral_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table review_override_request');
    await queryRunner.query('drop index referral_deadline_idx');
    await queryRunner.query('drop index referral_office_deadline_idx');
    await queryRunner.query('drop index referral_case_number_index_idx');
    await queryRunner.query('alter table referral drop column case_number_index');
  }
}
