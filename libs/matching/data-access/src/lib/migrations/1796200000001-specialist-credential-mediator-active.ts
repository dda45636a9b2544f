import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A deactivated mediator is proposed for nothing new, so their specialist credential no longer
 * makes their partner eligible for specialist referrals until they are active again (issue 22).
 */
export class SpecialistCredentialMediatorActive1796200000001 implements MigrationInterface {
  name = 'SpecialistCredentialMediatorActive1796200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      'alter table specialist_credential add column if not exists mediator_active boolean not null default true',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table specialist_credential drop column if exists mediator_active');
  }
}
