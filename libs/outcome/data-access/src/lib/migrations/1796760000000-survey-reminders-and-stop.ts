import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Survey reminders and "stop asking me" (issue 20). An invitation remembers when its one
 * reminder went and the hash of the reminder's own link (a second single-use link to the same
 * survey: the first link's token was never stored, so it cannot be sent again). A participant's
 * wish not to be surveyed is kept by their participant id alone, as their consent already is.
 * Partners keep their display name, the sender name of their participants' survey mail.
 */
export class SurveyRemindersAndStop1796760000000 implements MigrationInterface {
  readonly name = 'SurveyRemindersAndStop1796760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "feedback_invitation" ADD "reminded_at" timestamptz NULL,
      ADD "reminder_token_hash" text NULL CONSTRAINT "UQ_feedback_invitation_reminder_token" UNIQUE`);
    await q.query(`CREATE TABLE "feedback_opt_out" (
      "participant_id" uuid NOT NULL, "opted_out_at" timestamptz NOT NULL,
      CONSTRAINT "PK_feedback_opt_out" PRIMARY KEY ("participant_id"))`);
    await q.query(`ALTER TABLE "partner" ADD "name" text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "partner" DROP COLUMN "name"`);
    await q.query(`DROP TABLE "feedback_opt_out"`);
    await q.query(`ALTER TABLE "feedback_invitation" DROP COLUMN "reminder_token_hash", DROP COLUMN "reminded_at"`);
  }
}
