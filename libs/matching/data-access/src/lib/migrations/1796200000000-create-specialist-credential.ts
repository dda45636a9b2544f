import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: an overridden domestic or sexual violence referral goes only to a partner an admin
 * approved for the category and that has a mediator with a valid, verified specialist
 * credential for it. mediation-scheduling verifies credentials; matching keeps the specialist
 * ones from mediator.practice_verified: ids, codes and the expiry day only.
 */
export class CreateSpecialistCredential1796200000000 implements MigrationInterface {
  name = 'CreateSpecialistCredential1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table if not exists specialist_credential (
      record_id uuid not null,
      partner_id uuid not null,
      mediator_id text not null,
      categories jsonb not null,
      expires_on date,
      constraint specialist_credential_pk primary key (record_id))`);
    await q.query('create index if not exists specialist_credential_partner_idx on specialist_credential (partner_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists specialist_credential');
  }
}
