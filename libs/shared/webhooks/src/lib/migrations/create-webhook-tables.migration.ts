import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook tables for any service whose organisations register endpoints (referral-intake
 * for offices, partner-matching for partners); each lists this class in its own migrations.
 * Deleting an endpoint deletes its deliveries and their log.
 */
export class CreateWebhookTables1796500000000 implements MigrationInterface {
  readonly name = 'CreateWebhookTables1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_endpoint" (
        "id" uuid NOT NULL,
        "org_id" uuid NOT NULL,
        "url" text NOT NULL,
        "event_types" text[] NOT NULL,
        "status" text NOT NULL,
        "contact_email" text NOT NULL,
        "secret" text NOT NULL,
        "previous_secret" text NULL,
        "previous_secret_until" timestamptz NULL,
        "created_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "approved_by" text NULL,
        "approved_at" timestamptz NULL,
        "disabled_at" timestamptz NULL,
        "disabled_reason" text NULL,
        "last_success_at" timestamptz NULL,
        CONSTRAINT "PK_webhook_endpoint" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_webhook_endpoint_status" CHECK ("status" IN ('pending_approval', 'active', 'disabled')),
        CONSTRAINT "CHK_webhook_endpoint_https" CHECK ("url" LIKE 'https://%')
      )`);
    await queryRunner.query(`CREATE INDEX "IX_webhook_endpoint_org_id" ON "webhook_endpoint" ("org_id")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_delivery" (
        "id" uuid NOT NULL,
        "endpoint_id" uuid NOT NULL,
        "event_type" text NOT NULL,
        "referral_id" uuid NULL,
        "source_key" text NOT NULL,
        "payload" jsonb NOT NULL,
        "release_at" timestamptz NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "round" integer NOT NULL DEFAULT 1,
        "attempts" integer NOT NULL DEFAULT 0,
        "queued_round" integer NULL,
        "last_response_status" integer NULL,
        "last_error" text NULL,
        "first_attempt_at" timestamptz NULL,
        "delivered_at" timestamptz NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "PK_webhook_delivery" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_delivery_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoint" ("id") ON DELETE CASCADE,
        CONSTRAINT "UQ_webhook_delivery_source" UNIQUE ("endpoint_id", "source_key"),
        CONSTRAINT "CHK_webhook_delivery_status" CHECK ("status" IN ('pending', 'delivered', 'failed', 'dropped'))
      )`);
    // The sweep looks for pending rows due for sending; delivered ones pile up and must not slow it.
    await queryRunner.query(
      `CREATE INDEX "IX_webhook_delivery_pending" ON "webhook_delivery" ("release_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_webhook_delivery_endpoint" ON "webhook_delivery" ("endpoint_id", "created_at")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IX_webhook_delivery_referral" ON "webhook_delivery" ("referral_id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_attempt" (
        "id" bigserial NOT NULL,
        "delivery_id" uuid NOT NULL,
        "endpoint_id" uuid NOT NULL,
        "round" integer NOT NULL,
        "attempt" integer NOT NULL,
        "at" timestamptz NOT NULL,
        "response_status" integer NULL,
        "error_code" text NULL,
        "duration_ms" integer NOT NULL,
        CONSTRAINT "PK_webhook_attempt" PRIMARY KEY ("id"),
        CONSTRAINT "FK_webhook_attempt_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_delivery" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "IX_webhook_attempt_delivery" ON "webhook_attempt" ("delivery_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_attempt"`);
    await queryRunner.query(`DROP TABLE "webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoint"`);
  }
}
