import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Equity monitoring (issue 20): what a person self-declared (ciphertext only, one row per
 * participant, deleted with the referral's personal data) and the counts offices supply of
 * eligible cases they did not refer, one per office and month.
 */
export class AddEquityMonitoring1796780000000 implements MigrationInterface {
  readonly name = 'AddEquityMonitoring1796780000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "self_declaration" (
      "participant_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "declaration" text NOT NULL,
      "declared_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_self_declaration" PRIMARY KEY ("participant_id"),
      CONSTRAINT "CHK_self_declaration_encrypted" CHECK ("declaration" LIKE 'pii:%'))`);
    await q.query(`CREATE INDEX "IDX_self_declaration_referral" ON "self_declaration" ("referral_id")`);
    await q.query(`CREATE TABLE "eligible_not_referred" (
      "office_id" uuid NOT NULL, "month" text NOT NULL, "count" integer NOT NULL,
      "recorded_at" timestamptz NOT NULL DEFAULT now(), "recorded_by" text NOT NULL,
      CONSTRAINT "PK_eligible_not_referred" PRIMARY KEY ("office_id", "month"),
      CONSTRAINT "CHK_eligible_not_referred_month" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
      CONSTRAINT "CHK_eligible_not_referred_count" CHECK ("count" >= 0))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "eligible_not_referred"`);
    await q.query(`DROP TABLE "self_declaration"`);
  }
}
