import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participants' feedback (issue 20). The case keeps what blocks a survey (a `stop` risk
 * assessment, a disclosure) and its last dialogue. An invitation holds only the hash of its
 * link's token. Answers are a table of their own with no reference to the invitation, the
 * participant or the case, no time finer than the quarter and random (not time-ordered) ids:
 * once submitted, nothing ties them to the person who gave them.
 */
export class CreateFeedback1796700000000 implements MigrationInterface {
  readonly name = 'CreateFeedback1796700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case" ADD "risk_stop" boolean NOT NULL DEFAULT false, ADD "disclosure" boolean NOT NULL DEFAULT false,
      ADD "last_dialogue_at" timestamptz NULL`);
    await q.query(`CREATE TABLE "feedback_invitation" (
      "id" uuid NOT NULL, "case_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "survey" text NOT NULL,
      "released_by" text NOT NULL, "released_at" timestamptz NOT NULL, "token_hash" text NOT NULL, "used_at" timestamptz NULL,
      "role" text NOT NULL, "partner_id" uuid NULL, "jurisdiction" text NOT NULL, "period" text NOT NULL,
      "minor" boolean NOT NULL, "language" text NOT NULL, "agreement_reached" boolean NOT NULL,
      CONSTRAINT "PK_feedback_invitation" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_feedback_invitation_participant_survey" UNIQUE ("participant_id", "survey"),
      CONSTRAINT "UQ_feedback_invitation_token" UNIQUE ("token_hash"))`);
    await q.query(`CREATE TABLE "feedback_answer" (
      "id" uuid NOT NULL, "survey" text NOT NULL, "role" text NOT NULL, "partner_id" uuid NULL, "jurisdiction" text NOT NULL,
      "period" text NOT NULL, "answers" jsonb NOT NULL,
      CONSTRAINT "PK_feedback_answer" PRIMARY KEY ("id"))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "feedback_answer"`);
    await q.query(`DROP TABLE "feedback_invitation"`);
    await q.query(
      `ALTER TABLE "case" DROP COLUMN "last_dialogue_at", DROP COLUMN "disclosure", DROP COLUMN "risk_stop"`,
    );
  }
}
