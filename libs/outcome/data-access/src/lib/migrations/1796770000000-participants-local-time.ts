import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participants' mail waits out their quiet hours (issue 21): each jurisdiction's time zone as
 * referral-intake announces it, and a participant's own zone when a mediator recorded one with
 * their contact (contact.confirmed).
 */
export class ParticipantsLocalTime1796770000000 implements MigrationInterface {
  readonly name = 'ParticipantsLocalTime1796770000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "jurisdiction_setting" (
      "jurisdiction" text NOT NULL, "version" integer NOT NULL, "time_zone" text NOT NULL, "updated_at" timestamptz NOT NULL,
      CONSTRAINT "PK_jurisdiction_setting" PRIMARY KEY ("jurisdiction"))`);
    await q.query(`ALTER TABLE "participant" ADD "time_zone" text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "participant" DROP COLUMN "time_zone"`);
    await q.query(`DROP TABLE "jurisdiction_setting"`);
  }
}
