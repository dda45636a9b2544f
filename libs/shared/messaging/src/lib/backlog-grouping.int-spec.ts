import { randomUUID } from 'node:crypto';
import { uuidv7 } from '@rj/shared/contracts';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
  type ScratchDatabase,
  type TestTopics,
} from '@rj/shared/testing';
import { FIXTURE_MIGRATIONS, fixtureConsumer, offerAccepted, publishEvents } from '../test/backbone-fixture';
import type { EventConsumer } from './event-consumer';

const MATCHING = 'rj.matching.v1';
const BACKLOG = 40;

/**
 * How a consumer that has fallen behind takes its backlog. It holds a whole fetch while it
 * applies it: fetchMaxBytes (KAFKA_FETCH_MAX_BYTES) bounds that fetch, and so what a catch-up
 * holds in memory. It applies a fetch's events of a partition in runs of at most
 * maxEventsPerTransaction (CONSUMER_MAX_EVENTS_PER_TRANSACTION), one transaction each. The
 * transactions that applied the backlog show both.
 */
describe('a consumer taking a backlog', () => {
  let topics: TestTopics;
  let db: ScratchDatabase;
  let consumer: EventConsumer | undefined;
  const ids: string[] = [];

  beforeAll(async () => {
    topics = await createTestTopics(1);
    db = await createScratchDatabase('backlog-grouping', { migrations: FIXTURE_MIGRATIONS });
    // One send per event: Kafka returns a record batch whole, so one send of all of them would
    // come back in one fetch whatever the bound.
    for (let n = 0; n < BACKLOG; n++) {
      const event = offerAccepted(uuidv7());
      ids.push(event.id);
      await publishEvents(topics.prefix, MATCHING, [event]);
    }
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });
  afterAll(async () => {
    await db?.drop();
    await topics?.delete();
  });

  /** Reads the backlog with a group of its own; how many transactions applied it. */
  async function transactionsToApplyTheBacklog(
    options: { fetchMaxBytes?: number; maxEventsPerTransaction?: number } = {},
  ): Promise<number> {
    const groupId = `backlog-${randomUUID()}`;
    consumer = fixtureConsumer(db.dataSource, groupId, topics.prefix, options);
    await db.dataSource.query('delete from applied_event');
    await db.dataSource.query('delete from accepted_offer');
    await consumer.start();
    await eventually(
      async () => (await db.dataSource.query('select count(*)::int as n from applied_event'))[0].n === BACKLOG,
      30_000,
      'the backlog applied',
    );
    const rows: { event_id: string; tx: string }[] = await db.dataSource.query(
      'select event_id, tx from applied_event',
    );
    expect(rows.map((row) => row.event_id).sort()).toEqual([...ids].sort());
    return new Set(rows.map((row) => row.tx)).size;
  }

  it('brings a backlog in fetches of at most that many bytes', async () => {
    // ~600 bytes an event: 4 KB a partition (a quarter of the bound) holds a handful.
    expect(await transactionsToApplyTheBacklog({ fetchMaxBytes: 16_384 })).toBeGreaterThanOrEqual(BACKLOG / 10);
  });

  it('without it, the same backlog comes in one fetch, applied in one transaction', async () => {
    expect(await transactionsToApplyTheBacklog()).toBe(1);
  });

  it('applies one fetch in transactions of at most maxEventsPerTransaction events', async () => {
    expect(await transactionsToApplyTheBacklog({ maxEventsPerTransaction: 5 })).toBe(BACKLOG / 5);
  });
});
