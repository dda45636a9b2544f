import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notification table for any service that sends e-mail; each service lists this class in
 * its own migrations. Statuses are a checked text column rather than an enum type, so adding
 * one later is a constraint swap, not an ALTER TYPE.
 */
export class CreateNotificationTable1795669917416 implements MigrationInterface {
  readonly name = 'CreateNotificationTable1795669917416';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification" (
        "id" uuid NOT NULL,
        "kind" text NOT NULL,
        "referral_id" uuid NULL,
        "recipient" text NULL,
        "recipient_is_encrypted" boolean NOT NULL DEFAULT false,
        "subject" text NOT NULL,
        "body" text NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz NULL,
        CONSTRAINT "PK_notification" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_notification_status" CHECK ("status" IN ('pending', 'sent', 'skipped', 'failed')),
        CONSTRAINT "CHK_notification_attempts" CHECK ("attempts" >= 0),
        CONSTRAINT "CHK_notification_recipient" CHECK ("recipient" IS NOT NULL OR "status" = 'skipped'),
        CONSTRAINT "CHK_notification_encrypted_referral" CHECK (NOT "recipient_is_encrypted" OR "referral_id" IS NOT NULL)
      )`);
    // The sweep pages through pending rows by id; sent ones pile up and must not slow it.
    await queryRunner.query(
      `CREATE INDEX "IX_notification_pending" ON "notification" ("id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`CREATE INDEX "IX_notification_referral_id" ON "notification" ("referral_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IX_notification_referral_id"`);
    await queryRunner.query(`DROP INDEX "IX_notification_pending"`);
    await queryRunner.query(`DROP TABLE "notification"`);
  }
}
