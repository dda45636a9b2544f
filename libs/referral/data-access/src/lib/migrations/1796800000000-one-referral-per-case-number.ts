import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An office refers a case number once (issue 21): the single submission and the bulk import both
 * refuse a case number the office already referred, matched by its blind index, and this unique
 * index makes two concurrent submissions unable to both pass. Referrals the office had already
 * sent twice before this rule keep their case number and its index (a prosecutor still finds
 * them all); all but the earliest are marked `case_number_repeated` and left out of the index.
 * Erasure clears the index, so an erased referral holds no case number.
 */
export class OneReferralPerCaseNumber1796800000000 implements MigrationInterface {
  name = 'OneReferralPerCaseNumber1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table referral add column case_number_repeated boolean not null default false');
    await queryRunner.query(`
      update referral r set case_number_repeated = true
      from (
        select id, row_number() over (partition by office_id, case_number_index order by created_at, id) as nth
        from referral where case_number_index is not null
      ) ranked
      where ranked.id = r.id and ranked.nth > 1`);
    await queryRunner.query(`
      create unique index referral_office_case_number_uq on referral (office_id, case_number_index)
      where case_number_index is not null and not case_number_repeated`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop index referral_office_case_number_uq');
    await queryRunner.query('alter table referral drop column case_number_repeated');
  }
}
