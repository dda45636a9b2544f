import { Kafka, logLevel, type ITopicConfig } from 'kafkajs';
import { ALL_TOPICS, dlqTopicOf } from '@rj/shared/contracts';
import { createTopicsWithLeaders } from '@rj/shared/kafka-admin';

/**
 * Creates every topic of the contracts and its `.dlq` twin with explicit partitions and
 * unlimited retention (auditors replay from the beginning). Existing topics are left alone,
 * but a topic with fewer partitions than asked is grown (per-key order is kept only for
 * new keys after that, so it is logged loudly).
 */
export interface TopicOptions {
  brokers: string[];
  partitions?: number;
  replicationFactor?: number;
  topics?: readonly string[];
  log?: (line: string) => void;
}

export function topicSpecs(
  partitions: number,
  replicationFactor: number,
  topics: readonly string[] = ALL_TOPICS,
): ITopicConfig[] {
  return topics
    .flatMap((topic) => [topic, dlqTopicOf(topic)])
    .map((topic) => ({
      topic,
      numPartitions: partitions,
      replicationFactor,
      configEntries: [
        { name: 'retention.ms', value: '-1' },
        { name: 'retention.bytes', value: '-1' },
        { name: 'cleanup.policy', value: 'delete' },
      ],
    }));
}

export async function ensureTopics(options: TopicOptions): Promise<string[]> {
  const { brokers, partitions = 3, replicationFactor = 1, log = () => undefined } = options;
  const admin = new Kafka({ clientId: 'rj-topics', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const specs = topicSpecs(partitions, replicationFactor, options.topics);
    const existing = new Set(await admin.listTopics());
    const missing = specs.filter((spec) => !existing.has(spec.topic));
    if (missing.length) {
      await createTopicsWithLeaders(admin, missing);
      log(`created ${missing.map((s) => s.topic).join(', ')}`);
    }
    const metadata = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.topic) });
    const tooSmall = metadata.topics.filter((t) => t.partitions.length < partitions);
    if (tooSmall.length) {
      await admin.createPartitions({ topicPartitions: tooSmall.map((t) => ({ topic: t.name, count: partitions })) });
      log(`WARNING grew partitions of ${tooSmall.map((t) => t.name).join(', ')} to ${partitions}`);
    }
    return specs.map((s) => s.topic);
  } finally {
    await admin.disconnect();
  }
}

if (require.main === module) {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  ensureTopics({
    brokers,
    partitions: Number(process.env.KAFKA_TOPIC_PARTITIONS ?? 3),
    log: (l) => process.stderr.write(`[topics] ${l}\n`),
  })
    .then((topics) => process.stderr.write(`[topics] ${topics.length} topics ready\n`))
    .catch((error) => {
      process.stderr.write(`[topics] ${error.message}\n`);
      process.exit(1);
    });
}
