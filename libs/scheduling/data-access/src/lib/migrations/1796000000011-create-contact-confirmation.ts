import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When each participant's contact and safe channels were last confirmed, and by which mediator. */
export class CreateContactConfirmation1796000000011 implements MigrationInterface {
  name = 'CreateContactConfirmation1796000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`create table contact_confirmation (
      case_id uuid not null,
      participant_id uuid not null,
      confirmed_at timestamptz not null,
      confirmed_by text not null,
      constraint contact_confirmation_pk primary key (case_id, participant_id))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists contact_confirmation');
  }
}
