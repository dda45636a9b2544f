import { randomUUID } from 'node:crypto';
import { uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { withTransaction } from '@rj/shared/persistence';
import { serviceMetrics } from '@rj/shared/service';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
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
} from '../../test/backbone-fixture';
import { appendToOutbox } from '../outbox-writer';
import type { EventConsumer } from '../event-consumer';
import type { OutboxRelay } from '../outbox-relay';
import { watchConsumerLag } from './consumer-lag';
import { watchMessagingTables } from './messaging-metrics';

const MATCHING = 'rj.matching.v1';

/** The value of one series as a scrape would report it (gauges collect first). */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const registry = serviceMetrics().registry;
  const metric = registry.getSingleMetric(name) ?? registry.getSingleMetric(name.replace(/_count$/, ''));
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  const ofName = values.filter((v) => ((v as { metricName?: string }).metricName ?? name) === name);
  const matching = ofName.filter((v) =>
    Object.entries(labels).every(([key, value]) => String(v.labels[key]) === value),
  );
  return matching.reduce((sum, v) => sum + v.value, 0);
}

describe('backbone metrics move when their cause happens (real Postgres and Kafka)', () => {
  let topics: TestTopics;
  let producerDb: ScratchDatabase;
  let consumerDb: ScratchDatabase;
  let relay: OutboxRelay | undefined;
  let consumer: EventConsumer | undefined;
  const groupId = `metrics-${randomUUID()}`;
  const unwatch: (() => unknown)[] = [];

  beforeAll(async () => {
    topics = await createTestTopics(1);
    producerDb = await createScratchDatabase('metrics_producer', { migrations: FIXTURE_MIGRATIONS });
    consumerDb = await createScratchDatabase('metrics_consumer', { migrations: FIXTURE_MIGRATIONS });
    unwatch.push(watchMessagingTables(producerDb.dataSource), watchMessagingTables(consumerDb.dataSource));
  });

  afterAll(async () => {
    await consumer?.stop();
    await relay?.stop();
    await Promise.all(unwatch.map((undo) => undo()));
    await producerDb?.drop();
    await consumerDb?.drop();
    await topics?.delete();
  });

  const commit = (events: EventEnvelope[]) =>
    withTransaction(producerDb.dataSource, async (manager) => {
      await manager.query('insert into widget (id, referral_id) values ($1, $2)', [uuidv7(), events[0].referralId]);
      await appendToOutbox(manager, events);
    });

  it('with the relay stopped, the outbox backlog and the age of its oldest row rise; publishing clears them', async () => {
    expect(await sample('rj_outbox_backlog_rows')).toBe(0);
    expect(await sample('rj_outbox_oldest_age_seconds')).toBe(0);
    await commit([offerAccepted(uuidv7())]);
    await commit([offerAccepted(uuidv7())]);
    expect(await sample('rj_outbox_backlog_rows')).toBe(2);
    await eventually(async () => (await sample('rj_outbox_oldest_age_seconds')) >= 1, 10_000, 'the oldest row to age');

    const publishedBefore = await sample('rj_relay_published_total', { topic: MATCHING });
    relay = fixtureRelay(producerDb.dataSource, topics.prefix);
    await relay.start();
    await eventually(async () => (await sample('rj_outbox_backlog_rows')) === 0, 20_000, 'the backlog to drain');
    expect(await sample('rj_outbox_oldest_age_seconds')).toBe(0);
    expect((await sample('rj_relay_published_total', { topic: MATCHING })) - publishedBefore).toBe(2);
  });

  it('counts relay failures: a relay pointed at a database without an outbox fails and retries', async () => {
    const before = await sample('rj_relay_publish_errors_total');
    const broken = await createScratchDatabase('metrics_no_outbox', { migrations: [] });
    const failing = fixtureRelay(broken.dataSource, topics.prefix);
    try {
      await failing.start();
      await eventually(
        async () => (await sample('rj_relay_publish_errors_total')) > before,
        20_000,
        'the relay failure to be counted',
      );
    } finally {
      await failing.stop();
      await broken.drop();
    }
  });

  it('times every inbox transaction, counts a poison message in the DLQ counter by topic and reason, and shows a parked event', async () => {
    consumer = fixtureConsumer(consumerDb.dataSource, groupId, topics.prefix);
    await consumer.start();
    const appliedBefore = await sample('rj_inbox_apply_duration_seconds_count');
    const deadBefore = await sample('rj_dlq_messages_total', {
      topic: `${topics.prefix}${MATCHING}`,
      reason: 'handler_failed',
    });

    const poisonOffer = uuidv7();
    await consumerDb.dataSource.query('insert into poison_offer (offer_id) values ($1)', [poisonOffer]);
    await commit([offerAccepted(uuidv7(), poisonOffer)]);
    await eventually(
      async () =>
        (await sample('rj_dlq_messages_total', { topic: `${topics.prefix}${MATCHING}`, reason: 'handler_failed' })) ===
        deadBefore + 1,
      30_000,
      'the dead letter to be counted',
    );
    expect(await sample('rj_inbox_apply_duration_seconds_count')).toBeGreaterThan(appliedBefore);

    expect(await sample('rj_parked_events')).toBe(0);
    const opened = caseOpened(uuidv7(), uuidv7()); // its offer was never accepted
    await commit([opened]);
    await eventually(async () => (await sample('rj_parked_events')) === 1, 20_000, 'the event to be parked');
    await eventually(
      async () => (await sample('rj_parked_oldest_age_seconds')) >= 1,
      10_000,
      'the parked event to age',
    );
  });

  it('reports consumer lag per partition once the consumer stops and events keep coming', async () => {
    const stopWatching = watchConsumerLag({
      kafka: testKafka('lag-probe'),
      groupId,
      topics: [`${topics.prefix}${MATCHING}`],
    });
    unwatch.push(stopWatching);
    const lagOfMatching = () =>
      sample('rj_consumer_lag_messages', { topic: `${topics.prefix}${MATCHING}`, partition: '0' });
    // The consumer committed everything it saw (the dead letter included).
    await eventually(async () => (await lagOfMatching()) === 0, 20_000, 'no lag while the consumer runs');
    await consumer?.stop();
    consumer = undefined;
    await commit([offerAccepted(uuidv7())]);
    await commit([offerAccepted(uuidv7())]);
    // Measurements are cached for ten seconds: wait for a fresh one.
    await eventually(async () => (await lagOfMatching()) === 2, 30_000, 'the lag to show two messages');
  });
});
