import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What a profile cache needs to ask "which partners changed since I last read?" (issue 15): every
 * partner row carries the id of the transaction that last wrote it (`written_by`, a trigger; no
 * lock, so partner writes stay as concurrent as they were). A reader remembers the oldest
 * transaction still running when it read (its snapshot's xmin); every transaction older than that
 * had finished, so what it wrote was read then. Next time it reads only the rows written by that
 * transaction or younger ones. A deleted (or truncated) partner leaves no row behind: a counter,
 * moved only then, tells readers to load everything again.
 */
export class PartnerRegistryVersion1797000000000 implements MigrationInterface {
  readonly name = 'PartnerRegistryVersion1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('alter table partner add column written_by xid8 not null default pg_current_xact_id()');
    await queryRunner.query('create index partner_written_by_ix on partner (written_by)');
    await queryRunner.query(`create function partner_stamp_writer() returns trigger language plpgsql as $$
      begin
        new.written_by := pg_current_xact_id();
        return new;
      end $$`);
    await queryRunner.query(`create trigger partner_stamp_writer before update on partner
      for each row execute function partner_stamp_writer()`);
    await queryRunner.query(`create table partner_deletions (
      only_row boolean primary key default true check (only_row),
      deletions bigint not null
    )`);
    await queryRunner.query('insert into partner_deletions (deletions) values (0)');
    await queryRunner.query(`create function partner_count_deletion() returns trigger language plpgsql as $$
      begin
        update partner_deletions set deletions = deletions + 1;
        return null;
      end $$`);
    await queryRunner.query(`create trigger partner_count_deletion after delete or truncate on partner
      for each statement execute function partner_count_deletion()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('drop trigger partner_count_deletion on partner');
    await queryRunner.query('drop function partner_count_deletion()');
    await queryRunner.query('drop table partner_deletions');
    await queryRunner.query('drop trigger partner_stamp_writer on partner');
    await queryRunner.query('drop function partner_stamp_writer()');
    await queryRunner.query('alter table partner drop column written_by');
  }
}
