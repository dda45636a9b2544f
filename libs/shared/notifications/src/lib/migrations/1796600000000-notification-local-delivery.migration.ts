import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A participant's e-mail keeps the recipient's time zone (quiet hours are checked again at send
 * time), the moment before which it may not go, and the neutral sender name it goes out under.
 */
export class NotificationLocalDelivery1796600000000 implements MigrationInterface {
  name = 'NotificationLocalDelivery1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'alter table notification add column time_zone text, add column not_before timestamptz, add column sender_name text',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'alter table notification drop column time_zone, drop column not_before, drop column sender_name',
    );
  }
}
