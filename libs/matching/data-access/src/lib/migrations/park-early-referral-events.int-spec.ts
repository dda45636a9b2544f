import { uuidv7 } from '@rj/shared/contracts';
import { createScratchDatabase, type ScratchDatabase } from '@rj/shared/testing';
import { MATCHING_DATABASE } from '../matching-database';
import { ParkEarlyReferralEvents1796900000000 } from './1796900000000-park-early-referral-events';

describe('ParkEarlyReferralEvents1796900000000: early_referral_event moves into the backbone parking', () => {
  let db: ScratchDatabase;

  beforeAll(async () => {
    const before = MATCHING_DATABASE.migrations.filter((m) => m !== ParkEarlyReferralEvents1796900000000);
    db = await createScratchDatabase('matching_park_early', { migrations: before });
  });

  afterAll(() => db?.drop());

  it('parks each kept event for its referral in arrival order, releases its inbox claim and drops the table', async () => {
    const referralId = uuidv7();
    const [screened, withdrawn, other] = [uuidv7(), uuidv7(), uuidv7()];
    const envelope = (id: string, type: string) => JSON.stringify({ id, type, referralId, aggregateId: referralId });
    for (const [id, type] of [
      [screened, 'referral.screened'],
      [withdrawn, 'referral.withdrawn'],
    ]) {
      await db.dataSource.query(
        `insert into inbox (consumer_group, event_id, event_type, topic) values ('pm', $1, $2, 'rj.referral.v1')`,
        [id, type],
      );
      await db.dataSource.query(
        'insert into early_referral_event (event_id, referral_id, envelope) values ($1, $2, $3::jsonb)',
        [id, referralId, envelope(id, type)],
      );
    }
    await db.dataSource.query(
      `insert into inbox (consumer_group, event_id, event_type, topic) values ('pm', $1, 'referral.submitted', 'rj.referral.v1')`,
      [other],
    );

    const runner = db.dataSource.createQueryRunner();
    try {
      await new ParkEarlyReferralEvents1796900000000().up(runner);
    } finally {
      await runner.release();
    }

    expect(
      await db.dataSource.query(
        'select consumer_group, event_id, event_type, topic, ordering_key, waiting_for from pending_event order by seq',
      ),
    ).toEqual([
      {
        consumer_group: 'pm',
        event_id: screened,
        event_type: 'referral.screened',
        topic: 'rj.referral.v1',
        ordering_key: referralId,
        waiting_for: `referral:${referralId}`,
      },
      {
        consumer_group: 'pm',
        event_id: withdrawn,
        event_type: 'referral.withdrawn',
        topic: 'rj.referral.v1',
        ordering_key: referralId,
        waiting_for: `referral:${referralId}`,
      },
    ]);
    expect(await db.dataSource.query('select event_id from inbox')).toEqual([{ event_id: other }]);
    expect(await db.dataSource.query("select to_regclass('early_referral_event') as t")).toEqual([{ t: null }]);
  });
});
