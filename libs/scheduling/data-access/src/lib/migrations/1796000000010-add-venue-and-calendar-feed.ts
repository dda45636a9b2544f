import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Sessions get a venue type; mediators get a calendar subscription, kept as a hash of its secret. */
export class AddVenueAndCalendarFeed1796000000010 implements MigrationInterface {
  name = 'AddVenueAndCalendarFeed1796000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query('alter table session add column if not exists venue_type text');
    await q.query(`create table calendar_feed (
      mediator_sub text not null constraint calendar_feed_pk primary key,
      partner_id uuid not null,
      token_hash text not null,
      created_at timestamptz not null)`);
    await q.query('create unique index calendar_feed_token_hash_uq on calendar_feed (token_hash)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists calendar_feed');
    await q.query('alter table session drop column if exists venue_type');
  }
}
