import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A referral's timeline and state read its entries by event time: pages by keyset, not a sort of all of them. */
export class IndexReferralTimeline1765100000000 implements MigrationInterface {
  name = 'IndexReferralTimeline1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      'create index ix_ledger_entry_referral_occurred on ledger_entry (referral_id, occurred_at, sequence) where referral_id is not null',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('drop index ix_ledger_entry_referral_occurred');
  }
}
