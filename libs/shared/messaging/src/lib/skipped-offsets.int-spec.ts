import type { Consumer, Kafka } from 'kafkajs';
import pino from 'pino';
import { DECLINE_REASON_CODES, OfferDeclined, uuidv7 } from '@rj/shared/contracts';
import { eventually, testBrokers, testKafka } from '@rj/shared/testing';
import {
  envelopeOf,
  offerAccepted,
  publishEvents,
  startFixtureConsumerSuite,
  type FixtureConsumerSuite,
} from '../test/backbone-fixture';
import { createKafka } from './kafka-client';

const MATCHING = 'rj.matching.v1';

/** The real kafkajs client, with each consumer's offset commits and finished batches counted. */
function countingCommits(groupId: string, commits: string[], batches: number[] = []): Kafka {
  const kafka = createKafka({
    brokers: testBrokers(),
    clientId: groupId,
    logger: pino({ level: 'silent' }),
  });
  const makeConsumer = kafka.consumer.bind(kafka);
  kafka.consumer = (config) => {
    const consumer: Consumer = makeConsumer(config);
    const commit = consumer.commitOffsets.bind(consumer);
    consumer.commitOffsets = (offsets) => {
      commits.push(...offsets.map((o) => o.offset));
      return commit(offsets);
    };
    consumer.on(consumer.events.END_BATCH_PROCESS, () => void batches.push(Date.now()));
    return consumer;
  };
  return kafka;
}

describe('offsets of events a service does not handle', () => {
  let suite: FixtureConsumerSuite;
  const commits: string[] = [];
  const batches: number[] = [];

  beforeAll(async () => {
    suite = await startFixtureConsumerSuite('skipped-offsets', {
      partitions: 1,
      kafka: (groupId) => countingCommits(groupId, commits, batches),
    });
  });
  afterAll(() => suite?.stop());

  // offer.declined is on the matching topic, and the fixture's consumer has no handler for it.
  const declined = (referralId: string) =>
    envelopeOf(OfferDeclined, referralId, {
      offerId: uuidv7(),
      partnerId: uuidv7(),
      reasonCode: DECLINE_REASON_CODES[0],
    });

  async function committedOffset(): Promise<number> {
    const admin = testKafka().admin();
    await admin.connect();
    try {
      const [{ partitions }] = await admin.fetchOffsets({
        groupId: suite.groupId,
        topics: [`${suite.topics.prefix}${MATCHING}`],
      });
      return Number(partitions[0].offset);
    } finally {
      await admin.disconnect();
    }
  }

  it('rides on the next commit instead of committing each skipped event on its own', async () => {
    const referralId = uuidv7();
    const sentinel = offerAccepted(referralId);
    await publishEvents(suite.topics.prefix, MATCHING, [
      ...Array.from({ length: 40 }, () => declined(referralId)),
      sentinel,
    ]);

    await eventually(async () => (await suite.applied(sentinel.id)) === 1, 20_000, 'the event after 40 skipped ones');
    await eventually(async () => (await committedOffset()) === 41, 20_000, 'the offset after the sentinel');
    // Before: one commit (a Kafka round trip) per skipped event, 41 in all.
    expect(commits.length).toBeLessThanOrEqual(5);
    expect(commits.map(Number)).toEqual([...commits.map(Number)].sort((a, b) => a - b));
  });

  it('commits skipped events that end a batch, after the last event applied', async () => {
    const referralId = uuidv7();
    const first = offerAccepted(referralId);
    const before = commits.length;
    await publishEvents(suite.topics.prefix, MATCHING, [
      first,
      ...Array.from({ length: 20 }, () => declined(referralId)),
    ]);

    await eventually(async () => (await suite.applied(first.id)) === 1, 20_000, 'the applied event');
    await eventually(async () => (await committedOffset()) === 41 + 21, 20_000, 'the offset after the skipped tail');
    expect(commits.length - before).toBeLessThanOrEqual(5);
  });
  it('commits skipped events that each ended a batch of their own together, within a second', async () => {
    const startedAt = Date.now();
    const before = commits.length;
    const offsetBefore = await committedOffset();
    const count = 10;
    for (let i = 0; i < count; i++) {
      // One at a time: each is read as a batch of one event, which the consumer skips.
      const batchesBefore = batches.length;
      await publishEvents(suite.topics.prefix, MATCHING, [declined(uuidv7())]);
      await eventually(async () => batches.length > batchesBefore, 20_000, 'the skipped event read');
    }
    await eventually(async () => (await committedOffset()) === offsetBefore + count, 20_000, 'the offset after them');
    const seconds = Math.ceil((Date.now() - startedAt) / 1000);
    // Before: a commit (a Kafka round trip) for each of the ten batches.
    expect(commits.length - before).toBeLessThan(count);
    expect(commits.length - before).toBeLessThanOrEqual(seconds + 1);
  });
});
