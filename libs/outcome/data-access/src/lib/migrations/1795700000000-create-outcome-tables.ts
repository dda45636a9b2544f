import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * outcome-tracking's own copy of what other services' events tell it (architecture.md, Who
 * knows what) and its own agreements, terms, progress and follow-ups. Money is integer minor
 * units with its currency; hours are integer hundredths; due dates are plain dates.
 */
export class CreateOutcomeTables1795700000000 implements MigrationInterface {
  readonly name = 'CreateOutcomeTables1795700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "office" (
      "id" uuid NOT NULL, "email" text NOT NULL, "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_office" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "partner" (
      "id" uuid NOT NULL, "email" text NULL, "updated_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_partner" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "mediator" (
      "id" text NOT NULL, "partner_id" uuid NOT NULL, "email" text NOT NULL,
      CONSTRAINT "PK_mediator" PRIMARY KEY ("id"))`);
    await q.query(`CREATE TABLE "referral" (
      "id" uuid NOT NULL, "office_id" uuid NOT NULL, "jurisdiction" text NOT NULL, "source" text NOT NULL,
      "data_key_id" uuid NOT NULL, "submitted_at" timestamptz NOT NULL, "status" text NOT NULL,
      "partner_id" uuid NULL, "accepted_at" timestamptz NULL, "first_contact_at" timestamptz NULL,
      "first_dialogue_at" timestamptz NULL, "withdrawn_at" timestamptz NULL, "erased_at" timestamptz NULL,
      CONSTRAINT "PK_referral" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_referral_office_submitted" ON "referral" ("office_id", "submitted_at")`);
    await q.query(`CREATE TABLE "participant" (
      "id" uuid NOT NULL, "referral_id" uuid NOT NULL, "role" text NOT NULL, "email" text NULL,
      "safe_channels" text[] NOT NULL DEFAULT '{}', "position" int NOT NULL,
      CONSTRAINT "PK_participant" PRIMARY KEY ("id"),
      CONSTRAINT "FK_participant_referral" FOREIGN KEY ("referral_id") REFERENCES "referral"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_participant_referral" ON "participant" ("referral_id")`);
    await q.query(`CREATE TABLE "consent" (
      "participant_id" uuid NOT NULL, "purpose" text NOT NULL, "by_guardian" boolean NOT NULL,
      "referral_id" uuid NOT NULL, "decision" text NOT NULL, "ever_given" boolean NOT NULL,
      "recorded_at" timestamptz NOT NULL,
      CONSTRAINT "PK_consent" PRIMARY KEY ("participant_id", "purpose", "by_guardian"))`);
    await q.query(`CREATE INDEX "IDX_consent_referral" ON "consent" ("referral_id")`);
    await q.query(`CREATE TABLE "offer" (
      "id" uuid NOT NULL, "referral_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "made_at" timestamptz NULL,
      "answer" text NULL, "answered_at" timestamptz NULL, "decline_reason" text NULL,
      CONSTRAINT "PK_offer" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_offer_referral" ON "offer" ("referral_id")`);
    await q.query(`CREATE TABLE "case" (
      "id" uuid NOT NULL, "referral_id" uuid NOT NULL, "partner_id" uuid NOT NULL, "status" text NOT NULL,
      "dialogue_held" boolean NOT NULL DEFAULT false, "agreement_reached" boolean NULL, "conclusion_reason" text NULL,
      "result_at" timestamptz NULL, "return_reason" text NULL,
      CONSTRAINT "PK_case" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_case_referral" UNIQUE ("referral_id"),
      CONSTRAINT "CHK_case_status" CHECK ("status" IN ('open', 'awaiting_agreement', 'agreement', 'completed', 'returned', 'withdrawn')))`);
    await q.query(`CREATE TABLE "case_mediator" (
      "case_id" uuid NOT NULL, "mediator_id" text NOT NULL, "assigned" boolean NOT NULL,
      CONSTRAINT "PK_case_mediator" PRIMARY KEY ("case_id", "mediator_id"))`);
    await q.query(`CREATE TABLE "agreement" (
      "id" uuid NOT NULL, "case_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "recorded_at" timestamptz NOT NULL,
      "consented_by" uuid[] NOT NULL,
      CONSTRAINT "PK_agreement" PRIMARY KEY ("id"), CONSTRAINT "UQ_agreement_case" UNIQUE ("case_id"),
      CONSTRAINT "FK_agreement_case" FOREIGN KEY ("case_id") REFERENCES "case"("id"))`);
    await q.query(`CREATE TABLE "term" (
      "id" uuid NOT NULL, "agreement_id" uuid NOT NULL, "position" int NOT NULL, "kind" text NOT NULL,
      "due_by" date NOT NULL, "currency" char(3) NULL, "amount_minor" bigint NULL, "paid_minor" bigint NULL,
      "instalments" int NULL, "recipient" text NULL, "hours_hundredths" int NULL, "hours_done_hundredths" int NULL,
      "description" text NULL, "fulfilled" boolean NOT NULL DEFAULT false, "overdue_flagged" boolean NOT NULL DEFAULT false,
      CONSTRAINT "PK_term" PRIMARY KEY ("id"),
      CONSTRAINT "FK_term_agreement" FOREIGN KEY ("agreement_id") REFERENCES "agreement"("id"),
      CONSTRAINT "CHK_term_paid" CHECK ("paid_minor" IS NULL OR ("paid_minor" >= 0 AND "paid_minor" <= "amount_minor")),
      CONSTRAINT "CHK_term_hours" CHECK ("hours_done_hundredths" IS NULL OR ("hours_done_hundredths" >= 0 AND "hours_done_hundredths" <= "hours_hundredths")))`);
    await q.query(
      `CREATE INDEX "IDX_term_open_due" ON "term" ("due_by") WHERE NOT "fulfilled" AND NOT "overdue_flagged"`,
    );
    await q.query(`CREATE TABLE "term_progress" (
      "id" uuid NOT NULL, "term_id" uuid NOT NULL, "amount_minor" bigint NULL, "hours_hundredths" int NULL,
      "done" boolean NULL, "note" text NULL, "recorded_by" text NOT NULL, "recorded_at" timestamptz NOT NULL,
      CONSTRAINT "PK_term_progress" PRIMARY KEY ("id"),
      CONSTRAINT "FK_term_progress_term" FOREIGN KEY ("term_id") REFERENCES "term"("id"))`);
    await q.query(`CREATE TABLE "follow_up" (
      "id" uuid NOT NULL, "case_id" uuid NOT NULL, "referral_id" uuid NOT NULL, "office_id" uuid NOT NULL,
      "months_after" int NOT NULL, "due_on" date NOT NULL, "status" text NOT NULL, "reoffended" boolean NULL,
      "recorded_at" timestamptz NULL,
      CONSTRAINT "PK_follow_up" PRIMARY KEY ("id"), CONSTRAINT "UQ_follow_up_case_months" UNIQUE ("case_id", "months_after"),
      CONSTRAINT "CHK_follow_up_status" CHECK ("status" IN ('scheduled', 'due', 'recorded', 'dropped')))`);
    await q.query(`CREATE INDEX "IDX_follow_up_scheduled_due" ON "follow_up" ("due_on") WHERE "status" = 'scheduled'`);
    await q.query(`CREATE INDEX "IDX_follow_up_office_status" ON "follow_up" ("office_id", "status")`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'follow_up',
      'term_progress',
      'term',
      'agreement',
      'case_mediator',
      'case',
      'offer',
      'consent',
      'participant',
      'referral',
      'mediator',
      'partner',
      'office',
    ]) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
