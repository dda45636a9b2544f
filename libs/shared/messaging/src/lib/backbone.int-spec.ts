import { randomUUID } from 'node:crypto';
import { uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { withTransaction } from '@rj/shared/persistence';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
  readTopics,
  spawnTs,
  testKafka,
  type ScratchDatabase,
  type TestTopics,
} from '@rj/shared/testing';
import {
  caseOpened,
  FIXTURE_MIGRATIONS,
  fixtureConsumer,
  fixtureRelay,
  offerAccepted,
  offerWithdrawn,
} from '../test/backbone-fixture';
import { appendToOutbox } from './outbox-writer';
import type { EventConsumer } from './event-consumer';
import type { OutboxRelay } from './outbox-relay';

const MATCHING = 'rj.matching.v1';
const SCHEDULING = 'rj.scheduling.v1';

describe('event backbone: outbox → Kafka → inbox, over the real broker and Postgres', () => {
  let topics: TestTopics;
  let producerDb: ScratchDatabase;
  let consumerDb: ScratchDatabase;
  let relay: OutboxRelay;
  let consumer: EventConsumer;
  const groupId = `backbone-${randomUUID()}`;

  beforeAll(async () => {
    topics = await createTestTopics();
    producerDb = await createScratchDatabase('producer', { migrations: FIXTURE_MIGRATIONS });
    consumerDb = await createScratchDatabase('consumer', { migrations: FIXTURE_MIGRATIONS });
    relay = fixtureRelay(producerDb.dataSource, topics.prefix);
    await relay.start();
    consumer = fixtureConsumer(consumerDb.dataSource, groupId, topics.prefix);
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await producerDb?.drop();
    await consumerDb?.drop();
    await topics?.delete();
  });

  /** The producer service's use case: change a row and emit the event in one transaction. */
  function commitWithEvents(events: EventEnvelope[], { rollBack = false } = {}) {
    return withTransaction(producerDb.dataSource, async (manager) => {
      await manager.query('insert into widget (id, referral_id) values ($1, $2)', [uuidv7(), events[0].referralId]);
      await appendToOutbox(manager, events);
      if (rollBack) throw new Error('the use case failed after writing');
    });
  }

  async function timesApplied(eventId: string, db = consumerDb): Promise<number> {
    const [{ count }] = await db.dataSource.query(
      'select count(*)::int as count from applied_event where event_id = $1',
      [eventId],
    );
    return count;
  }

  async function appliedInOrder(referralId: string, db = consumerDb): Promise<string[]> {
    const rows: { event_id: string }[] = await db.dataSource.query(
      'select event_id from applied_event where referral_id = $1 order by seq',
      [referralId],
    );
    return rows.map((r) => r.event_id);
  }

  /** Commits a sentinel after the fact under test; once it is applied, everything before it was seen. */
  async function sentinelApplied(): Promise<void> {
    const sentinel = offerAccepted(uuidv7());
    await commitWithEvents([sentinel]);
    await eventually(async () => (await timesApplied(sentinel.id)) === 1, 20_000, 'the sentinel event');
  }

  it('applies an event committed together with a state change exactly once in another service', async () => {
    const event = offerAccepted(uuidv7());
    await commitWithEvents([event]);
    await eventually(async () => (await timesApplied(event.id)) === 1, 20_000, 'the event to be applied');

    // Deliver the very same message a second time, as Kafka may after a producer retry.
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${topics.prefix}${MATCHING}`,
      messages: [{ key: event.referralId, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
    await sentinelApplied();
    expect(await timesApplied(event.id)).toBe(1);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const event = offerAccepted(uuidv7());
    await expect(commitWithEvents([event], { rollBack: true })).rejects.toThrow('the use case failed');
    const [{ count }] = await producerDb.dataSource.query(
      'select count(*)::int as count from outbox where event_id = $1',
      [event.id],
    );
    expect(count).toBe(0);

    await sentinelApplied();
    expect(await timesApplied(event.id)).toBe(0);
    const onTheWire = await readTopics(
      [`${topics.prefix}${MATCHING}`],
      (messages) => messages.some((m) => m.value.includes(event.id)),
      3000,
    );
    expect(onTheWire.filter((m) => m.value.includes(event.id))).toHaveLength(0);
  });

  it('re-sends after the relay dies between publishing and marking sent, and the event is applied once', async () => {
    await relay.stop(); // the process under test must be the one holding the publishing lock
    const event = offerAccepted(uuidv7());
    await commitWithEvents([event]);
    const doomed = spawnTs('libs/shared/messaging/src/test/relay-process.ts', {
      DATABASE_URL: producerDb.url,
      TOPIC_PREFIX: topics.prefix,
    });
    await doomed.waitFor('PUBLISHED');
    doomed.kill('SIGKILL');
    expect(await doomed.exited).toBe('SIGKILL');

    const [row] = await producerDb.dataSource.query('select sent_at from outbox where event_id = $1', [event.id]);
    expect(row.sent_at).toBeNull(); // published, but never marked: it must go out again

    relay = fixtureRelay(producerDb.dataSource, topics.prefix);
    await relay.start();
    const copies = await readTopics(
      [`${topics.prefix}${MATCHING}`],
      (messages) => messages.filter((m) => m.value.includes(event.id)).length >= 2,
    );
    expect(copies.filter((m) => m.value.includes(event.id))).toHaveLength(2);
    await sentinelApplied();
    expect(await timesApplied(event.id)).toBe(1);
  });

  it('redelivers an event to a consumer that died mid-handler before its commit, and applies it once', async () => {
    const otherDb = await createScratchDatabase('consumer_crash', { migrations: FIXTURE_MIGRATIONS });
    const crashGroup = `crash-${randomUUID()}`;
    try {
      const event = offerAccepted(uuidv7());
      const doomed = spawnTs('libs/shared/messaging/src/test/consumer-process.ts', {
        DATABASE_URL: otherDb.url,
        TOPIC_PREFIX: topics.prefix,
        GROUP_ID: crashGroup,
        FIXTURE_HANG_IN_HANDLER: event.referralId!,
      });
      await doomed.waitFor('CONSUMER-STARTED');
      await commitWithEvents([event]);
      await doomed.waitFor(`IN-HANDLER ${event.id}`);
      doomed.kill('SIGKILL');
      await doomed.exited;
      // The handler's writes died with its transaction.
      await eventually(
        async () =>
          (
            await otherDb.dataSource.query(
              "select count(*)::int as c from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'",
            )
          )[0].c === 0,
      );
      expect(await timesApplied(event.id, otherDb)).toBe(0);

      const successor = fixtureConsumer(otherDb.dataSource, crashGroup, topics.prefix);
      await successor.start();
      try {
        await eventually(async () => (await timesApplied(event.id, otherDb)) === 1, 40_000, 'the redelivered event');
      } finally {
        await successor.stop();
      }
      expect(await timesApplied(event.id, otherDb)).toBe(1);
    } finally {
      await otherDb.drop();
    }
  });

  it('dead-letters poison messages after bounded attempts while later messages of the partition still flow', async () => {
    const referralId = uuidv7(); // one key: one partition
    const poisonOffer = uuidv7();
    await consumerDb.dataSource.query('insert into poison_offer (offer_id) values ($1)', [poisonOffer]);
    const poisoned = offerAccepted(referralId, poisonOffer);
    const schemaInvalid = {
      ...offerAccepted(referralId),
      data: { offerId: uuidv7(), partnerName: 'Harbour Mediation' },
    };
    const healthy = offerAccepted(referralId);

    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${topics.prefix}${MATCHING}`,
      messages: [
        { key: referralId, value: '{"not json' },
        { key: referralId, value: JSON.stringify(schemaInvalid) },
        { key: referralId, value: JSON.stringify(poisoned) },
        { key: referralId, value: JSON.stringify(healthy) },
      ],
    });
    await producer.disconnect();

    await eventually(async () => (await timesApplied(healthy.id)) === 1, 30_000, 'the message after the poison');
    const dead = await readTopics(
      [`${topics.prefix}${MATCHING}.dlq`],
      (messages) => messages.filter((m) => m.key === referralId).length >= 3,
    );
    const reasons = dead
      .filter((m) => m.key === referralId)
      .map((m) => [m.headers['dlq-reason'], m.headers['dlq-attempts']]);
    expect(reasons).toEqual([
      ['invalid_json', '1'],
      ['schema', '1'],
      ['handler_failed', '3'],
    ]);
    const handlerFailure = dead.find((m) => m.headers['dlq-reason'] === 'handler_failed')!;
    expect(handlerFailure.headers['dlq-error']).toContain(`handler keeps failing for offer ${poisonOffer}`);
    expect(handlerFailure.headers['dlq-original-topic']).toBe(`${topics.prefix}${MATCHING}`);
    expect(await timesApplied(poisoned.id)).toBe(0);
  });

  it('applies an event whose prerequisite arrives later on another topic after it, neither lost nor dead-lettered', async () => {
    const referralId = uuidv7();
    const offerId = uuidv7();
    const opened = caseOpened(referralId, offerId);
    await commitWithEvents([opened]);
    await eventually(
      async () =>
        (await consumerDb.dataSource.query('select 1 from pending_event where event_id = $1', [opened.id])).length ===
        1,
      20_000,
      'the event to be parked',
    );
    expect(await timesApplied(opened.id)).toBe(0);

    const accepted = offerAccepted(referralId, offerId);
    await commitWithEvents([accepted]);
    await eventually(async () => (await appliedInOrder(referralId)).length === 2, 20_000, 'both events');
    expect(await appliedInOrder(referralId)).toEqual([accepted.id, opened.id]);
    expect(
      await consumerDb.dataSource.query('select * from pending_event where event_id = $1', [opened.id]),
    ).toHaveLength(0);
    const dead = await readTopics(
      [`${topics.prefix}${SCHEDULING}.dlq`],
      (messages) => messages.some((m) => m.key === referralId),
      2000,
    );
    expect(dead.filter((m) => m.key === referralId)).toHaveLength(0);
  });

  it("consumes one referral's events in the order they were committed", async () => {
    const referralId = uuidv7();
    const committed: string[] = [];
    for (let i = 0; i < 30; i++) {
      const ours = offerAccepted(referralId);
      committed.push(ours.id);
      await commitWithEvents([ours]);
      if (i % 3 === 0) await commitWithEvents([offerAccepted(uuidv7())]); // other referrals interleave
    }
    await eventually(async () => (await appliedInOrder(referralId)).length === 30, 30_000, 'all 30 events');
    expect(await appliedInOrder(referralId)).toEqual(committed);
  });

  it('keeps a later event of the same referral waiting behind a parked one, then applies both in order', async () => {
    const referralId = uuidv7();
    const missingOffer = uuidv7();
    const knownOffer = uuidv7();
    await commitWithEvents([offerAccepted(referralId, knownOffer)]);
    await eventually(async () => (await appliedInOrder(referralId)).length === 1);
    const first = caseOpened(referralId, missingOffer); // waits for its offer
    const second = caseOpened(referralId, knownOffer); // could apply, but must not overtake
    await commitWithEvents([first, second]);
    await eventually(
      async () =>
        (
          await consumerDb.dataSource.query('select 1 from pending_event where event_id = any($1)', [
            [first.id, second.id],
          ])
        ).length === 2,
      20_000,
      'both parked',
    );

    const late = offerAccepted(referralId, missingOffer);
    await commitWithEvents([late]);
    await eventually(async () => (await appliedInOrder(referralId)).length === 4, 20_000, 'all four');
    expect((await appliedInOrder(referralId)).slice(1)).toEqual([late.id, first.id, second.id]);
  });

  it('lets the prerequisite on the same topic through a parked event, applies the parked one next, and keeps the rest in order', async () => {
    const referralId = uuidv7();
    const offerId = uuidv7();
    // The withdrawal overtook its acceptance on the same topic (as a DLQ re-drive would bring it).
    const early = offerWithdrawn(referralId, offerId);
    await commitWithEvents([early]);
    await eventually(
      async () =>
        (await consumerDb.dataSource.query('select 1 from pending_event where event_id = $1', [early.id])).length === 1,
      20_000,
      'the early event to be parked',
    );
    // Without the same-topic wait the acceptance would park behind the withdrawal for ever.
    const accepted = offerAccepted(referralId, offerId);
    const later = offerAccepted(referralId);
    await commitWithEvents([accepted, later]);
    await eventually(async () => (await appliedInOrder(referralId)).length === 3, 20_000, 'all three');
    expect(await appliedInOrder(referralId)).toEqual([accepted.id, early.id, later.id]);
    expect(
      await consumerDb.dataSource.query('select 1 from pending_event where event_id = any($1)', [[early.id, later.id]]),
    ).toEqual([]);
  });

  it('pauses while its database is unreachable and applies everything once it is back, dead-lettering nothing', async () => {
    const referralId = uuidv7();
    const name = new URL(consumerDb.url).pathname.slice(1);
    const admin = producerDb.dataSource; // any other connection to the same server
    await admin.query(`alter database "${name}" allow_connections false`);
    await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [name]);
    const events = [offerAccepted(referralId), offerAccepted(referralId), offerAccepted(referralId)];
    try {
      for (const event of events) await commitWithEvents([event]);
      // The relay publishes all three while the consumer's database is down: it meets them with no database.
      await readTopics(
        [`${topics.prefix}${MATCHING}`],
        (messages) => messages.filter((m) => m.key === referralId).length === 3,
        20_000,
      );
    } finally {
      await admin.query(`alter database "${name}" allow_connections true`);
    }
    await eventually(
      async () => (await appliedInOrder(referralId)).length === 3,
      40_000,
      'the events after the outage',
    );
    expect(await appliedInOrder(referralId)).toEqual(events.map((e) => e.id));
    const dead = await readTopics(
      [`${topics.prefix}${MATCHING}.dlq`],
      (messages) => messages.some((m) => m.key === referralId),
      2000,
    );
    expect(dead.filter((m) => m.key === referralId)).toHaveLength(0);
  });
});
