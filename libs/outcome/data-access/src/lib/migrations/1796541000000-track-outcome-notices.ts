import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether the person harmed who asked to be told the outcome was told (`sent`) or is still owed
 * it (`owed`: no safe channel confirmed recently when the result came). An owed notice goes out
 * when a mediator confirms their channels again; until then the mediator sees it on their home.
 */
export class TrackOutcomeNotices1796541000000 implements MigrationInterface {
  readonly name = 'TrackOutcomeNotices1796541000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "participant" ADD "outcome_notice" text NULL CONSTRAINT "CHK_participant_outcome_notice" CHECK ("outcome_notice" IN ('sent', 'owed'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "participant" DROP COLUMN "outcome_notice"`);
  }
}
