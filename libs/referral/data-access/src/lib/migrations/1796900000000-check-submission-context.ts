import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A submission checks, in the statement that writes it, that what it was prepared with still
 * holds: the office may submit for the jurisdiction, and the policy that screened it is the
 * jurisdiction's latest version (0, the default, when it has none; stored versions start at 1).
 * Intake can then keep offices' contexts in memory and save a round trip per submission
 * (issue 15) without ever recording a referral under a revoked jurisdiction or a superseded
 * policy, whichever replica made the change. It raises SUBMISSION_CONTEXT_CHANGED ('RJC01'),
 * which rolls the whole statement back; intake reads the context afresh and prepares again.
 */
export class CheckSubmissionContext1796900000000 implements MigrationInterface {
  name = 'CheckSubmissionContext1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create function check_submission_context(p_office_id uuid, p_jurisdiction text, p_policy_version integer)
      returns void language plpgsql as $$
      begin
        if not exists (select 1 from office where id = p_office_id and p_jurisdiction = any (jurisdictions))
           or (select coalesce(max(version), 0) from screening_policy where jurisdiction = p_jurisdiction)
              <> p_policy_version then
          raise exception 'the office''s jurisdictions or the screening policy changed since the submission was prepared'
            using errcode = 'RJC01';
        end if;
      end
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop function check_submission_context(uuid, text, integer)');
  }
}
