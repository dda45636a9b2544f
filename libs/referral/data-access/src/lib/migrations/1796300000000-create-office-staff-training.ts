import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 22: prosecutors' offices record their staff's restorative-justice training and see who
 * has none. Staff names are work data of the office's own people, kept here only.
 */
export class CreateOfficeStaffTraining1796300000000 implements MigrationInterface {
  name = 'CreateOfficeStaffTraining1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table if not exists office_staff_member (
      id uuid not null,
      office_id uuid not null,
      full_name text not null,
      added_by text not null,
      added_at timestamptz not null,
      constraint office_staff_member_pk primary key (id))`);
    await q.query('create index if not exists office_staff_member_office_idx on office_staff_member (office_id, id)');
    await q.query(`create table if not exists office_staff_training (
      id uuid not null,
      staff_member_id uuid not null references office_staff_member (id),
      office_id uuid not null,
      course text not null,
      completed_on date not null,
      hours numeric(7,2) not null,
      recorded_by text not null,
      recorded_at timestamptz not null,
      constraint office_staff_training_pk primary key (id))`);
    await q.query(
      'create index if not exists office_staff_training_member_idx on office_staff_training (staff_member_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists office_staff_training');
    await q.query('drop table if exists office_staff_member');
  }
}
