import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A mediator can be deactivated by their partner's administrator (and activated again): the
 * row stays, so their history and current cases keep naming them; only new proposals are
 * refused. `updated_at` records the last edit or (de)activation.
 */
export class MediatorDeactivation1796000000020 implements MigrationInterface {
  name = 'MediatorDeactivation1796000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`alter table mediator
      add column if not exists deactivated_at timestamptz,
      add column if not exists deactivated_by text,
      add column if not exists updated_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'alter table mediator drop column if exists updated_at, drop column if exists deactivated_by, drop column if exists deactivated_at',
    );
  }
}
