import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin's deactivation of a partner, kept apart from the partner's own pause: both clear
 * `active` (no new offers), but only an admin lifts a deactivation it decided. The partner's
 * history (offers, assignments) stays as it is.
 */
export class AddPartnerDeactivation1796100000000 implements MigrationInterface {
  readonly name = 'AddPartnerDeactivation1796100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table partner add column deactivated_at timestamptz');
    await queryRunner.query('alter table partner add column deactivated_by text');
    await queryRunner.query(
      'alter table partner add constraint partner_deactivated_inactive_ck check (deactivated_at is null or not active)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table partner drop constraint partner_deactivated_inactive_ck');
    await queryRunner.query('alter table partner drop column deactivated_by');
    await queryRunner.query('alter table partner drop column deactivated_at');
  }
}
