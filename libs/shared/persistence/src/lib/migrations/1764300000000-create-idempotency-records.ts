import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shared idempotency store's table (IdempotencyStore of @rj/shared/service), in each service's own database. Only a digest of the
 * request is kept; the first answer's body is kept for IDEMPOTENCY_TTL_MS so a repeat gets it.
 */
export class CreateIdempotencyRecords1764300000000 implements MigrationInterface {
  name = 'CreateIdempotencyRecords1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`create table idempotency_record (
      scope text not null,
      idempotency_key text not null,
      request_hash text not null,
      response_status integer,
      response_body jsonb,
      created_at timestamptz not null default now(),
      constraint idempotency_record_pk primary key (scope, idempotency_key)
    )`);
    await queryRunner.query('create index idempotency_record_created_at on idempotency_record (created_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop table idempotency_record');
  }
}

/** Spread into a service's migrations list to give it the shared idempotency store. */
export const idempotencyMigrations = [CreateIdempotencyRecords1764300000000];
