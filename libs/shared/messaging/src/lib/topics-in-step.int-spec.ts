import { randomUUID } from 'node:crypto';
import { uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
  type ScratchDatabase,
  type TestTopics,
} from '@rj/shared/testing';
import {
  caseOpened,
  FIXTURE_MIGRATIONS,
  fixtureConsumer,
  offerAccepted,
  publishEvents,
} from '../test/backbone-fixture';
import type { EventConsumer } from './event-consumer';

const MATCHING = 'rj.matching.v1';
const SCHEDULING = 'rj.scheduling.v1';
const BACKLOG = 40;

/**
 * A consumer that has fallen behind on two topics, one of which provides what the other's
 * events wait for: the fixture's `case.opened` (scheduling topic) needs its `offer.accepted`
 * (matching topic). Every offer was published before every case, but in fetches bounded in
 * bytes the cases, sent in one record batch that Kafka returns whole, arrive ahead of most
 * offers. Kept in step by time, no case is parked; without it, cases park and drain later.
 */
describe('a consumer keeping its topics in step in a catch-up', () => {
  let topics: TestTopics;
  let db: ScratchDatabase;
  let consumer: EventConsumer | undefined;
  const events: EventEnvelope[] = [];

  beforeAll(async () => {
    topics = await createTestTopics(1);
    db = await createScratchDatabase('topics-in-step', { migrations: FIXTURE_MIGRATIONS });
    // Every event that parks is recorded, whatever becomes of its pending row.
    await db.dataSource.query('create table parked (event_id uuid not null)');
    await db.dataSource.query(`create function record_parked() returns trigger language plpgsql as
      $$ begin insert into parked (event_id) values (new.event_id); return new; end $$`);
    await db.dataSource.query(
      'create trigger record_parked after insert on pending_event for each row execute function record_parked()',
    );
    const cases: EventEnvelope[] = [];
    // One send per offer, so the offers come in several fetches (backlog-grouping.int-spec.ts).
    for (let n = 0; n < BACKLOG; n++) {
      const offer = offerAccepted(uuidv7());
      events.push(offer);
      cases.push(caseOpened(offer.referralId as string, (offer.data as { offerId: string }).offerId));
      await publishEvents(topics.prefix, MATCHING, [offer]);
    }
    await publishEvents(topics.prefix, SCHEDULING, cases);
    events.push(...cases);
  });
  afterEach(async () => {
    await consumer?.stop();
    consumer = undefined;
  });
  afterAll(async () => {
    await db?.drop();
    await topics?.delete();
  });

  /** Reads the backlog with a group of its own, applies every event once; how many parked. */
  async function parkedWhileTakingTheBacklog(topicWaitMaxMs: number): Promise<number> {
    await db.dataSource.query('truncate applied_event, accepted_offer, parked, inbox, pending_event');
    consumer = fixtureConsumer(db.dataSource, `in-step-${randomUUID()}`, topics.prefix, {
      fetchMaxBytes: 16_384,
      topicWaitMaxMs,
    });
    await consumer.start();
    await eventually(
      async () =>
        (await db.dataSource.query('select count(*)::int as n from applied_event'))[0].n === events.length &&
        (await db.dataSource.query('select count(*)::int as n from pending_event'))[0].n === 0,
      30_000,
      'the backlog applied',
    );
    const applied: { event_id: string }[] = await db.dataSource.query('select event_id from applied_event');
    expect(applied.map((row) => row.event_id).sort()).toEqual(events.map((event) => event.id).sort());
    return (await db.dataSource.query('select count(*)::int as n from parked'))[0].n;
  }

  it('applies each case after its offer without parking it', async () => {
    // Long enough never to end a wait on a busy machine: what is proven is the order, not the bound.
    expect(await parkedWhileTakingTheBacklog(30_000)).toBe(0);
  });

  it('without it (CONSUMER_TOPIC_WAIT_MAX_MS=0), cases arrive before their offers and park', async () => {
    expect(await parkedWhileTakingTheBacklog(0)).toBeGreaterThan(0);
  });
});
