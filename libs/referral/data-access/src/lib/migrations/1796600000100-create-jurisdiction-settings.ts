import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned jurisdiction settings (issue 21): the time zone of participants' messages first. */
export class CreateJurisdictionSettings1796600000100 implements MigrationInterface {
  name = 'CreateJurisdictionSettings1796600000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table jurisdiction_settings (
        jurisdiction text not null,
        version integer not null constraint jurisdiction_settings_version_ck check (version > 0),
        time_zone text not null,
        created_by text not null,
        created_at timestamptz not null default now(),
        constraint jurisdiction_settings_pk primary key (jurisdiction, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table jurisdiction_settings');
  }
}
