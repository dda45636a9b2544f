import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createTopicsWithLeaders } from '@rj/shared/kafka-admin';

// Proves that kafkajs 2.2.4 speaks the protocol versions the pinned broker still accepts
// (Kafka 4 removed old ones, KIP-896): create a topic, produce with the idempotent producer
// and acks=all, consume in a group, commit, and read the committed offset back.
describe('kafkajs against the pinned Apache Kafka broker', () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = new Kafka({ clientId: 'smoke', brokers, logLevel: logLevel.NOTHING });
  const topic = `smoke.${randomUUID()}`;
  const groupId = `smoke-${randomUUID()}`;
  const admin = kafka.admin();

  beforeAll(async () => {
    await admin.connect();
    await createTopicsWithLeaders(admin, [{ topic, numPartitions: 3, replicationFactor: 1 }]);
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  });

  it('produces idempotently, consumes in a group and commits the offset', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const values = Array.from({ length: 20 }, (_, i) => `message-${i}`);
    await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: 'same-key', value })) });
    await producer.disconnect();

    const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received: string[] = [];
    let partitionOfKey = -1;
    let lastOffset = '';
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            received.push(String(message.value));
            partitionOfKey = partition;
            lastOffset = message.offset;
            await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
            if (received.length === values.length) resolve();
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();

    expect(received).toEqual(values); // one key, one partition: order kept
    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    const offsetOfPartition = committed[0].partitions.find((p) => p.partition === partitionOfKey)?.offset;
    expect(offsetOfPartition).toBe(String(Number(lastOffset) + 1));
  });
});
