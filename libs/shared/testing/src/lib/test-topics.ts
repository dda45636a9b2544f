import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { ALL_TOPICS, dlqTopicOf } from '@rj/shared/contracts';
import { createTopicsWithLeaders, stopIdleRequestQueueTimers } from '@rj/shared/kafka-admin';

export function testBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
}

export function testKafka(clientId = 'rj-test'): Kafka {
  stopIdleRequestQueueTimers();
  return new Kafka({ clientId, brokers: testBrokers(), logLevel: logLevel.NOTHING });
}

export interface TestTopics {
  prefix: string;
  delete(): Promise<void>;
}

/**
 * Every contract topic and its DLQ under a unique prefix, so a suite reads only what it
 * wrote, starts from an empty history, and can assert that a DLQ stayed empty.
 */
export async function createTestTopics(partitions = 3): Promise<TestTopics> {
  const prefix = `test.${randomBytes(4).toString('hex')}.`;
  const names = ALL_TOPICS.flatMap((topic) => [topic, dlqTopicOf(topic)]).map((topic) => `${prefix}${topic}`);
  const admin = testKafka().admin();
  await admin.connect();
  try {
    await createTopicsWithLeaders(
      admin,
      names.map((topic) => ({ topic, numPartitions: partitions, replicationFactor: 1 })),
    );
  } finally {
    await admin.disconnect();
  }
  return {
    prefix,
    delete: async () => {
      const cleanup = testKafka().admin();
      await cleanup.connect();
      await cleanup.deleteTopics({ topics: names }).catch(() => undefined);
      await cleanup.disconnect();
    },
  };
}
