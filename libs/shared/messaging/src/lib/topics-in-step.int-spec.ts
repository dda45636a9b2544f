import { randomUUID } from 'node:crypto';
import { CaseOnHold, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
  type ScratchDatabase,
  type TestTopics,
} from '@rj/shared/testing';
import {
  caseOpened,
  envelopeOf,
  FIXTURE_MIGRATIONS,
  fixtureConsumer,
  offerAccepted,
  publishEvents,
} from '../test/backbone-fixture';
import type { EventConsumer } from './event-consumer';
import { messagingMetrics } from './metrics/messaging-metrics';

const MATCHING = 'rj.matching.v1';
const SCHEDULING = 'rj.scheduling.v1';
const BACKLOG = 40;

/** How many waits of the topic's partitions have ended so far (rj_consumer_topic_wait_seconds). */
async function waitsOf(kafkaTopic: string): Promise<number> {
  const { values } = await messagingMetrics().waitsForOtherTopics.get();
  return values
    .filter((value) => value.metricName?.endsWith('_count') && value.labels.topic === kafkaTopic)
    .reduce((sum, value) => sum + value.value, 0);
}

/** Offers on the matching topic, one send each so they come in several fetches (backlog-grouping.int-spec.ts). */
async function publishOffers(topicPrefix: string): Promise<EventEnvelope[]> {
  const offers: EventEnvelope[] = [];
  for (let n = 0; n < BACKLOG; n++) {
    const offer = offerAccepted(uuidv7());
    offers.push(offer);
    await publishEvents(topicPrefix, MATCHING, [offer]);
  }
  return offers;
}

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
    const offers = await publishOffers(topics.prefix);
    const cases = offers.map((offer) =>
      caseOpened(offer.referralId as string, (offer.data as { offerId: string }).offerId),
    );
    await publishEvents(topics.prefix, SCHEDULING, cases);
    events.push(...offers, ...cases);
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
    const waitsBefore = await waitsOf(`${topics.prefix}${SCHEDULING}`);
    // Long enough never to end a wait on a busy machine: what is proven is the order, not the bound.
    expect(await parkedWhileTakingTheBacklog(30_000)).toBe(0);
    expect(await waitsOf(`${topics.prefix}${SCHEDULING}`)).toBeGreaterThan(waitsBefore);
  });

  it('without it (CONSUMER_TOPIC_WAIT_MAX_MS=0), cases arrive before their offers and park', async () => {
    expect(await parkedWhileTakingTheBacklog(0)).toBeGreaterThan(0);
  });
});

describe('a consumer keeping its topics in step, on events it does not apply', () => {
  let topics: TestTopics;
  let db: ScratchDatabase;
  let consumer: EventConsumer | undefined;

  beforeAll(async () => {
    topics = await createTestTopics(1);
    db = await createScratchDatabase('topics-in-step-skipped', { migrations: FIXTURE_MIGRATIONS });
  });
  afterAll(async () => {
    await consumer?.stop();
    await db?.drop();
    await topics?.delete();
  });

  it('lets them go on: a service pauses no topic for what it skips', async () => {
    await publishOffers(topics.prefix);
    // The fixture does not subscribe to case.on_hold; these were published after every offer.
    const onHolds = Array.from({ length: 10 }, () => envelopeOf(CaseOnHold, uuidv7(), {}));
    await publishEvents(topics.prefix, SCHEDULING, onHolds);
    const scheduling = `${topics.prefix}${SCHEDULING}`;
    const waitsBefore = await waitsOf(scheduling);
    const groupId = `in-step-skipped-${randomUUID()}`;
    consumer = fixtureConsumer(db.dataSource, groupId, topics.prefix, {
      fetchMaxBytes: 16_384,
      topicWaitMaxMs: 30_000,
    });
    await consumer.start();
    await eventually(
      async () => (await db.dataSource.query('select count(*)::int as n from applied_event'))[0].n === BACKLOG,
      30_000,
      'the offers applied',
    );
    await consumer.stop();
    consumer = undefined;
    expect(await waitsOf(scheduling)).toBe(waitsBefore);
  });
});
