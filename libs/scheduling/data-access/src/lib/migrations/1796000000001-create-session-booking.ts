import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No double booking, enforced by Postgres itself (product.md, Dialogue: "No mediator or
 * participant is double-booked"): one row per (session, person) — a mediator's `sub` or a
 * participant's id, prefixed by kind — and an exclusion constraint over the time range of the
 * active rows. Two concurrent transactions cannot both commit overlapping rows: the second
 * fails with 23P01, whatever the application checked before. btree_gist gives gist the `=`.
 */
export class CreateSessionBooking1796000000001 implements MigrationInterface {
  name = 'CreateSessionBooking1796000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query('create extension if not exists btree_gist');
    await q.query(`create table session_booking (
      session_id uuid not null constraint session_booking_session_fk references session (id),
      person_key text not null,
      during tstzrange not null,
      active boolean not null default true,
      constraint session_booking_pk primary key (session_id, person_key),
      constraint session_booking_no_overlap_ex exclude using gist (person_key with =, during with &&) where (active))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('drop table if exists session_booking');
  }
}
