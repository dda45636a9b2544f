import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event backbone's tables, in every service's own database:
 * - outbox: events written in the same transaction as the state change they describe;
 *   the relay publishes them in `seq` order and marks them sent.
 * - inbox: ids of events a consumer group has applied, written in the same transaction as
 *   the handler's changes, so a redelivered event is skipped.
 * - pending_event: events whose prerequisite (from another topic) has not arrived yet;
 *   applied when it does. Ordering gaps never go to the DLQ.
 */
export class CreateMessagingTables1764100000000 implements MigrationInterface {
  name = 'CreateMessagingTables1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table outbox (
        seq bigserial constraint outbox_pk primary key,
        event_id uuid not null constraint outbox_event_id_uq unique,
        topic text not null,
        message_key text not null,
        event_type text not null,
        payload jsonb not null,
        headers jsonb not null,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      )`);
    await queryRunner.query('create index outbox_unsent_idx on outbox (seq) where sent_at is null');
    await queryRunner.query('create index outbox_sent_at_idx on outbox (sent_at) where sent_at is not null');
    await queryRunner.query(`
      create table inbox (
        consumer_group text not null,
        event_id uuid not null,
        event_type text not null,
        topic text not null,
        kafka_partition integer,
        kafka_offset bigint,
        processed_at timestamptz not null default now(),
        constraint inbox_pk primary key (consumer_group, event_id)
      )`);
    await queryRunner.query(`
      create table pending_event (
        seq bigserial constraint pending_event_pk primary key,
        consumer_group text not null,
        event_id uuid not null,
        event_type text not null,
        topic text not null,
        ordering_key text not null,
        waiting_for text not null,
        envelope jsonb not null,
        attempts integer not null default 0,
        last_error text,
        created_at timestamptz not null default now(),
        constraint pending_event_group_event_uq unique (consumer_group, event_id)
      )`);
    await queryRunner.query('create index pending_event_waiting_idx on pending_event (consumer_group, waiting_for)');
    await queryRunner.query(
      'create index pending_event_ordering_idx on pending_event (consumer_group, topic, ordering_key, seq)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table pending_event');
    await queryRunner.query('drop table inbox');
    await queryRunner.query('drop table outbox');
  }
}
