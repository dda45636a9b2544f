import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages in the participant's local time (issue 21): each jurisdiction's announced settings,
 * the time zone a mediator recorded for a participant when confirming their contact, and
 * whether a session has an interpreter (someone in it needs one).
 */
export class LocalTimeOfParticipants1796000000040 implements MigrationInterface {
  name = 'LocalTimeOfParticipants1796000000040';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table jurisdiction_setting (
        jurisdiction text constraint jurisdiction_setting_pk primary key,
        version integer not null,
        time_zone text not null,
        updated_at timestamptz not null
      )`);
    await queryRunner.query('alter table contact_confirmation add column time_zone text');
    await queryRunner.query('alter table session add column interpreter_needed boolean not null default false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table session drop column interpreter_needed');
    await queryRunner.query('alter table contact_confirmation drop column time_zone');
    await queryRunner.query('drop table jurisdiction_setting');
  }
}
