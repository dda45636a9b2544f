import { randomUUID } from 'node:crypto';
import { ALL_TOPICS, DlqHeaders, dlqTopicOf, DLQ_SUFFIX } from '@rj/shared/contracts';
import type { IHeaders, Kafka } from 'kafkajs';

/**
 * Dead letters as an operator sees them, read straight from the `<topic>.dlq` topics.
 * The "position" is the committed offset of one consumer group (`<prefix>rj-dlq-redrive`) per
 * DLQ partition: everything before it was re-driven (or deliberately skipped), everything from
 * it on still waits for a person. Nothing here ever decrypts: payload data is ciphertext and
 * `show` prints the envelope's metadata only.
 */
export interface DeadLetterEntry {
  dlqTopic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  value: string;
}

export interface DeadLetterSummary {
  dlqTopic: string;
  partition: number;
  offset: string;
  originalTopic: string;
  reason: string;
  attempts: string;
  failedAt: string;
  consumerGroup: string;
  eventType: string | null;
  eventId: string | null;
}

export interface DlqContext {
  kafka: Kafka;
  /** KAFKA_TOPIC_PREFIX of the environment (tests use their own). */
  topicPrefix: string;
}

export const redriveGroupOf = (topicPrefix: string) => `${topicPrefix}rj-dlq-redrive`;

export function dlqTopics(topicPrefix: string): string[] {
  return ALL_TOPICS.map((topic) => `${topicPrefix}${dlqTopicOf(topic)}`);
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}

function envelopeMeta(value: string): Record<string, unknown> | null {
  try {
    const parsed = JSON.parse(value) as Record<string, unknown>;
    if (!parsed || typeof parsed !== 'object') return null;
    // Metadata only: `data` may hold ciphertext and is never printed.
    const { id, type, version, occurredAt, aggregateType, aggregateId, referralId, correlationId, causationId } =
      parsed;
    return { id, type, version, occurredAt, aggregateType, aggregateId, referralId, correlationId, causationId };
  } catch {
    return null;
  }
}

export function summarise(entry: DeadLetterEntry): DeadLetterSummary {
  const meta = envelopeMeta(entry.value);
  return {
    dlqTopic: entry.dlqTopic,
    partition: entry.partition,
    offset: entry.offset,
    originalTopic: entry.headers[DlqHeaders.originalTopic] ?? entry.dlqTopic.slice(0, -DLQ_SUFFIX.length),
    reason: entry.headers[DlqHeaders.reason] ?? 'unknown',
    attempts: entry.headers[DlqHeaders.attempts] ?? '',
    failedAt: entry.headers[DlqHeaders.failedAt] ?? '',
    consumerGroup: entry.headers[DlqHeaders.consumerGroup] ?? '',
    eventType: typeof meta?.type === 'string' ? meta.type : null,
    eventId: typeof meta?.id === 'string' ? meta.id : null,
  };
}

/** What `show` prints: the headers (the error text is the consumer's, cut short) and the envelope's metadata. */
export function describeLetter(entry: DeadLetterEntry): {
  summary: DeadLetterSummary;
  headers: Record<string, string>;
  envelope: Record<string, unknown> | null;
} {
  return { summary: summarise(entry), headers: entry.headers, envelope: envelopeMeta(entry.value) };
}

/** The first offset per partition still waiting for a person (the group's position, else the start). */
export async function positions(
  context: DlqContext,
  dlqTopic: string,
): Promise<Map<number, { from: bigint; end: bigint }>> {
  const admin = context.kafka.admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(dlqTopic);
    const [committed] = await admin.fetchOffsets({ groupId: redriveGroupOf(context.topicPrefix), topics: [dlqTopic] });
    const result = new Map<number, { from: bigint; end: bigint }>();
    for (const end of ends) {
      const mine = committed?.partitions.find((p) => p.partition === end.partition);
      const position = mine && BigInt(mine.offset) >= 0n ? BigInt(mine.offset) : BigInt(end.low);
      result.set(end.partition, {
        from: position > BigInt(end.low) ? position : BigInt(end.low),
        end: BigInt(end.high),
      });
    }
    return result;
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads a DLQ topic from the given offsets up to its current end, in a throwaway group that
 * commits nothing, so reading never moves the position.
 */
export async function readLetters(
  context: DlqContext,
  dlqTopic: string,
  from: Map<number, { from: bigint; end: bigint }>,
): Promise<DeadLetterEntry[]> {
  const wanted = [...from].filter(([, range]) => range.from < range.end);
  if (!wanted.length) return [];
  const consumer = context.kafka.consumer({
    groupId: `rj-dlq-reader-${randomUUID()}`,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
  });
  const letters: DeadLetterEntry[] = [];
  const remaining = new Map(wanted.map(([partition, range]) => [partition, range]));
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [dlqTopic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`reading ${dlqTopic} timed out`)), 60_000);
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          const range = remaining.get(partition);
          const offset = BigInt(message.offset);
          if (!range || offset < range.from) return;
          if (offset < range.end) {
            letters.push({
              dlqTopic,
              partition,
              offset: message.offset,
              key: message.key ? String(message.key) : null,
              headers: headersOf(message.headers),
              value: String(message.value ?? ''),
            });
          }
          if (offset >= range.end - 1n) remaining.delete(partition);
          if (!remaining.size) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
      for (const [partition, range] of wanted)
        consumer.seek({ topic: dlqTopic, partition, offset: String(range.from) });
    });
  } finally {
    await consumer.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
}

/** Dead letters still waiting, or every one kept (`all`), across the platform's DLQ topics. */
export async function listLetters(
  context: DlqContext,
  options: { all?: boolean; topic?: string } = {},
): Promise<DeadLetterEntry[]> {
  const topics = options.topic
    ? [options.topic.endsWith(DLQ_SUFFIX) ? options.topic : `${options.topic}${DLQ_SUFFIX}`]
    : dlqTopics(context.topicPrefix);
  const letters: DeadLetterEntry[] = [];
  for (const dlqTopic of topics) {
    const range = await positions(context, dlqTopic);
    if (options.all) for (const value of range.values()) value.from = 0n;
    letters.push(...(await readLetters(context, dlqTopic, range)));
  }
  return letters;
}

export interface RedriveRecord {
  action: 'dlq.redrive';
  by: string;
  at: string;
  dlqTopic: string;
  partition: number;
  offset: string;
  originalTopic: string;
  reason: string;
  eventId: string | null;
  eventType: string | null;
}

/** The dlq-* headers go; who re-drove it, when and from where travel with the message. */
export function redrivenHeaders(entry: DeadLetterEntry, by: string, at: string): Record<string, string> {
  const kept = Object.fromEntries(Object.entries(entry.headers).filter(([name]) => !name.startsWith('dlq-')));
  return {
    ...kept,
    'rj-redriven-by': by,
    'rj-redriven-at': at,
    'rj-redriven-from': `${entry.dlqTopic}/${entry.partition}/${entry.offset}`,
  };
}

/**
 * Publishes dead letters back to their original topic, unchanged (same key, so the same
 * partition and per-referral order; same event id, so the consumer's inbox applies each at
 * most once however often it is re-driven), then moves the position past the ones re-driven
 * when they are the next in line. Returns one record per message, for the caller to log.
 */
export async function redrive(context: DlqContext, letters: DeadLetterEntry[], by: string): Promise<RedriveRecord[]> {
  if (!letters.length) return [];
  const producer = context.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const records: RedriveRecord[] = [];
  await producer.connect();
  try {
    for (const entry of letters) {
      const summary = summarise(entry);
      const at = new Date().toISOString();
      await producer.send({
        topic: summary.originalTopic,
        acks: -1,
        messages: [{ key: entry.key, value: entry.value, headers: redrivenHeaders(entry, by, at) }],
      });
      records.push({
        action: 'dlq.redrive',
        by,
        at,
        dlqTopic: entry.dlqTopic,
        partition: entry.partition,
        offset: entry.offset,
        originalTopic: summary.originalTopic,
        reason: summary.reason,
        eventId: summary.eventId,
        eventType: summary.eventType,
      });
    }
  } finally {
    await producer.disconnect();
  }
  await advancePosition(context, letters);
  return records;
}

/** Moves each partition's position past a contiguous run of handled letters starting at it. */
async function advancePosition(context: DlqContext, handled: DeadLetterEntry[]): Promise<void> {
  for (const dlqTopic of new Set(handled.map((l) => l.dlqTopic))) {
    const current = await positions(context, dlqTopic);
    const partitions: { partition: number; offset: string }[] = [];
    for (const [partition, range] of current) {
      const done = new Set(
        handled.filter((l) => l.dlqTopic === dlqTopic && l.partition === partition).map((l) => BigInt(l.offset)),
      );
      let next = range.from;
      while (done.has(next)) next++;
      if (next > range.from) partitions.push({ partition, offset: String(next) });
    }
    if (!partitions.length) continue;
    const admin = context.kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId: redriveGroupOf(context.topicPrefix), topic: dlqTopic, partitions });
    } finally {
      await admin.disconnect();
    }
  }
}

/** `rj.matching.v1.dlq/0/12` or `rj.matching.v1.dlq:0:12` → its parts. */
export function parseLetterRef(ref: string): { dlqTopic: string; partition: number; offset: string } {
  const match = /^(.+?)[/:](\d+)[/:](\d+)$/.exec(ref);
  if (!match) throw new Error(`not a dead-letter reference (topic/partition/offset): ${ref}`);
  const dlqTopic = match[1].endsWith(DLQ_SUFFIX) ? match[1] : `${match[1]}${DLQ_SUFFIX}`;
  return { dlqTopic, partition: Number(match[2]), offset: match[3] };
}

/** One dead letter by reference, whether or not it is past the position. */
export async function findLetter(context: DlqContext, ref: string): Promise<DeadLetterEntry | null> {
  const { dlqTopic, partition, offset } = parseLetterRef(ref);
  const known = (await positions(context, dlqTopic)).get(partition);
  if (!known || BigInt(offset) >= known.end) return null;
  const [letter] = await readLetters(
    context,
    dlqTopic,
    new Map([[partition, { from: BigInt(offset), end: BigInt(offset) + 1n }]]),
  );
  return letter ?? null;
}
