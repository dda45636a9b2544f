import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import pino from 'pino';
import { ReferralPersonalDataErased, uuidv7 } from '@rj/shared/contracts';
import { createTestTopics, eventually, testKafka, type TestTopics } from '@rj/shared/testing';
import { envelopeOf } from '../test/backbone-fixture';
import { BroadcastListener, forgetKeysOnErasure } from './broadcast-listener';

/** What a replica's key cache looks like from outside: the keys it was told to forget. */
class KeyCache {
  readonly forgotten = new Set<string>();
  forget(keyId: string): void {
    this.forgotten.add(keyId);
  }
}

/** The real client, calling `afterEndsRead` each time an admin of it has read a topic's ends. */
function kafkaCallingAfterEndsRead(afterEndsRead: () => Promise<void>): Kafka {
  const kafka = testKafka();
  const admin = kafka.admin.bind(kafka);
  kafka.admin = (config) => {
    const real = admin(config);
    const fetchTopicOffsets = real.fetchTopicOffsets.bind(real);
    real.fetchTopicOffsets = async (topic) => {
      const ends = await fetchTopicOffsets(topic);
      await afterEndsRead();
      return ends;
    };
    return real;
  };
  return kafka;
}

async function publish(topic: string, key: string | null, value: unknown): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  await producer.send({ topic, messages: [{ key, value: JSON.stringify(value) }] });
  await producer.disconnect();
}

describe('item 12: erasure reaches every replica', () => {
  let topics: TestTopics;
  const listeners: BroadcastListener[] = [];
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    topics = await createTestTopics(2);
  });

  afterAll(async () => {
    await Promise.all(listeners.map((l) => l.stop()));
    await topics?.delete();
  });

  it('every replica of one service drops the erased key, each in a consumer group of its own', async () => {
    const baseGroupId = `${topics.prefix}outcome-tracking-${randomUUID()}`;
    const replicas = [new KeyCache(), new KeyCache(), new KeyCache()];
    for (const cache of replicas) {
      listeners.push(
        new BroadcastListener({
          kafka: testKafka(),
          baseGroupId,
          broadcasts: [forgetKeysOnErasure(cache)],
          logger,
          topicPrefix: topics.prefix,
        }),
      );
    }
    expect(new Set(listeners.map((l) => l.groupId)).size).toBe(3);
    await Promise.all(listeners.map((l) => l.start()));

    const dataKeyId = uuidv7();
    const erased = envelopeOf(ReferralPersonalDataErased, uuidv7(), { dataKeyId, erasedAt: new Date().toISOString() });
    await publish(`${topics.prefix}${ReferralPersonalDataErased.topic}`, erased.referralId, erased);
    // The same type arriving on another topic is not an erasure: nobody forgets that key.
    const stray = envelopeOf(ReferralPersonalDataErased, uuidv7(), {
      dataKeyId: uuidv7(),
      erasedAt: new Date().toISOString(),
    });
    await publish(`${topics.prefix}rj.matching.v1`, stray.referralId, stray);

    await eventually(
      async () => replicas.every((cache) => cache.forgotten.has(dataKeyId)),
      20_000,
      'every replica to forget the key',
    );
    for (const cache of replicas) expect([...cache.forgotten]).toEqual([dataKeyId]);
  });

  it('an erasure published while the listener starts, before its group has joined, is not skipped', async () => {
    // kafkajs would look the starting offset up only in its first fetch, after this message.
    const cache = new KeyCache();
    const dataKeyId = uuidv7();
    const erased = envelopeOf(ReferralPersonalDataErased, uuidv7(), { dataKeyId, erasedAt: new Date().toISOString() });
    let published = false;
    const listener = new BroadcastListener({
      kafka: kafkaCallingAfterEndsRead(async () => {
        if (published) return;
        published = true;
        await publish(`${topics.prefix}${ReferralPersonalDataErased.topic}`, erased.referralId, erased);
      }),
      baseGroupId: `${topics.prefix}referral-intake-${randomUUID()}`,
      broadcasts: [forgetKeysOnErasure(cache)],
      logger,
      topicPrefix: topics.prefix,
    });
    listeners.push(listener);
    await listener.start();

    expect(published).toBe(true);
    await eventually(async () => cache.forgotten.has(dataKeyId), 20_000, 'the listener to forget the key');
  });
});
