import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices to the person harmed go only to channels confirmed recently: the participant keeps
 * when a mediator last confirmed their channels, and the case when it opened (the referral's
 * details count as confirmed then). Cases opened before this migration take their referral's
 * submission time, the earliest moment the programme could have had those details.
 */
export class TrackChannelConfirmation1796540000000 implements MigrationInterface {
  readonly name = 'TrackChannelConfirmation1796540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "participant" ADD "channel_confirmed_at" timestamptz NULL`);
    await q.query(`ALTER TABLE "case" ADD "opened_at" timestamptz NULL`);
    await q.query(
      `UPDATE "case" c SET "opened_at" = r."submitted_at" FROM "referral" r WHERE r."id" = c."referral_id"`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "case" DROP COLUMN "opened_at"`);
    await q.query(`ALTER TABLE "participant" DROP COLUMN "channel_confirmed_at"`);
  }
}
