import type { Admin, ITopicConfig, ITopicMetadata } from 'kafkajs';

/**
 * Errors a freshly created topic answers with until every broker's metadata cache has it,
 * and a partition's leader until it serves the partition's log. kafkajs's own
 * `waitForLeaders` retries only LEADER_NOT_AVAILABLE and gives up on
 * UNKNOWN_TOPIC_OR_PARTITION, which a KRaft broker under load does answer for a moment; its
 * `fetchTopicOffsets` gives up at once on NOT_LEADER_FOR_PARTITION, which a KRaft broker
 * answers after its metadata already names itself the leader.
 */
const STILL_PROPAGATING = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE', 'NOT_LEADER_FOR_PARTITION']);

export interface CreateTopicsOptions {
  /** How long to wait for every partition to have a leader. */
  timeoutMs?: number;
  /** Pause between metadata look-ups while the topics propagate. */
  pollMs?: number;
}

/**
 * Creates the topics (existing ones are left alone) and returns once every partition of
 * every one of them has a leader that answers for it, so the first produce, subscribe or
 * offset look-up after it cannot fail.
 */
export async function createTopicsWithLeaders(
  admin: Admin,
  topics: ITopicConfig[],
  { timeoutMs = 30_000, pollMs = 100 }: CreateTopicsOptions = {},
): Promise<void> {
  if (!topics.length) return;
  await admin.createTopics({ topics, waitForLeaders: false });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lagging = await topicsWithoutLeaders(admin, topics);
    if (!lagging.length) break;
    if (Date.now() > deadline) throw new Error(`topics have no leader after ${timeoutMs} ms: ${lagging.join(', ')}`);
    await sleep(pollMs);
  }
  const remainingMs = Math.max(deadline - Date.now(), pollMs);
  await Promise.all(topics.map(({ topic }) => latestOffsets(admin, topic, { timeoutMs: remainingMs, pollMs })));
}

/**
 * The offset the next message of each partition of the topic will get, looked up again
 * while the topic is still propagating or a partition is changing leader.
 */
export async function latestOffsets(
  admin: Admin,
  topic: string,
  { timeoutMs = 30_000, pollMs = 100 }: CreateTopicsOptions = {},
): Promise<Array<{ partition: number; offset: string }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.map(({ partition, high }) => ({ partition, offset: high }));
    } catch (error) {
      if (!stillPropagating(error) || Date.now() > deadline) throw error;
    }
    await sleep(pollMs);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function topicsWithoutLeaders(admin: Admin, topics: ITopicConfig[]): Promise<string[]> {
  let metadata: ITopicMetadata[];
  try {
    metadata = (await admin.fetchTopicMetadata({ topics: topics.map((t) => t.topic) })).topics;
  } catch (error) {
    if (stillPropagating(error)) return topics.map((t) => t.topic);
    throw error;
  }
  const byName = new Map(metadata.map((topic) => [topic.name, topic]));
  return topics.filter((spec) => !hasLeaders(byName.get(spec.topic), spec.numPartitions)).map((spec) => spec.topic);
}

/** The protocol error itself, or one kafkajs wrapped after retrying it. */
function stillPropagating(error: unknown): boolean {
  const { type, cause } = error as { type?: string; cause?: { type?: string } };
  return STILL_PROPAGATING.has(type ?? '') || STILL_PROPAGATING.has(cause?.type ?? '');
}

function hasLeaders(topic: ITopicMetadata | undefined, partitions: number | undefined): boolean {
  if (!topic || topic.partitions.length < (partitions ?? 1)) return false;
  return topic.partitions.every((partition) => partition.leader >= 0);
}
