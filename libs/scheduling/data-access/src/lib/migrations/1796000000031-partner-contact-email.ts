import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The partner's work e-mail as partner.* events carry it: where reminders about its mediators'
 * expiring credentials and due supervision go (issue 22). Staff data, kept plain.
 */
export class PartnerContactEmail1796000000031 implements MigrationInterface {
  name = 'PartnerContactEmail1796000000031';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table partner add column if not exists contact_email text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('alter table partner drop column if exists contact_email');
  }
}
