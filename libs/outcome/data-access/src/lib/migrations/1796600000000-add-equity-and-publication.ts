import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Equity of access and the public transparency report (issue 20): the attributes access is
 * compared by (a participant's preferred language, interpreter need and age band; a
 * referral's offence category and whether it was screened eligible), the jurisdictions an
 * office serves, offices' opt-in to publication, and published reports, frozen once out.
 * Columns are nullable: referrals kept before this knew none of it, and count as not recorded.
 */
export class AddEquityAndPublication1796600000000 implements MigrationInterface {
  readonly name = 'AddEquityAndPublication1796600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE "participant" ADD "preferred_language" text NULL, ADD "interpreter" boolean NULL, ADD "minor" boolean NULL`,
    );
    await q.query(
      `ALTER TABLE "referral" ADD "offense_category" text NULL, ADD "screened_eligible_at" timestamptz NULL`,
    );
    await q.query(`ALTER TABLE "office" ADD "jurisdictions" text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE "publication_opt_in" (
      "office_id" uuid NOT NULL, "jurisdiction" text NOT NULL, "opted_in" boolean NOT NULL,
      "changed_at" timestamptz NOT NULL DEFAULT now(), "changed_by" text NOT NULL,
      CONSTRAINT "PK_publication_opt_in" PRIMARY KEY ("office_id", "jurisdiction"))`);
    await q.query(`CREATE TABLE "published_report" (
      "jurisdiction" text NOT NULL, "period" text NOT NULL, "published_at" timestamptz NOT NULL DEFAULT now(),
      "figures" jsonb NOT NULL,
      CONSTRAINT "PK_published_report" PRIMARY KEY ("jurisdiction", "period"))`);
    // Published figures are frozen: the table refuses to change a report once written.
    await q.query(`CREATE FUNCTION published_report_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'published reports are frozen'; END $$`);
    await q.query(`CREATE TRIGGER "published_report_frozen" BEFORE UPDATE OR DELETE ON "published_report"
      FOR EACH ROW EXECUTE FUNCTION published_report_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "published_report"`);
    await q.query(`DROP FUNCTION published_report_frozen()`);
    await q.query(`DROP TABLE "publication_opt_in"`);
    await q.query(`ALTER TABLE "office" DROP COLUMN "jurisdictions"`);
    await q.query(`ALTER TABLE "referral" DROP COLUMN "screened_eligible_at", DROP COLUMN "offense_category"`);
    await q.query(
      `ALTER TABLE "participant" DROP COLUMN "minor", DROP COLUMN "interpreter", DROP COLUMN "preferred_language"`,
    );
  }
}
