import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import {
  checkEnvelope,
  ReferralPersonalDataErased,
  type DataOf,
  type EventDefinition,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { latestOffsets } from '@rj/shared/kafka-admin';
import type { MessagingLogger } from './messaging-logger';

/** An in-memory reaction to an event, run by every replica (no transaction, no inbox). */
export interface Broadcast<D extends EventDefinition = EventDefinition> {
  event: D;
  handle(event: EventEnvelope<D['type'], DataOf<D>>): void | Promise<void>;
}

export function broadcast<D extends EventDefinition>(event: D, handle: Broadcast<D>['handle']): Broadcast {
  return { event, handle } as unknown as Broadcast;
}

export interface BroadcastListenerOptions {
  kafka: Kafka;
  /** The service's own group; this listener's group is derived from it, one per process. */
  baseGroupId: string;
  broadcasts: Broadcast[];
  logger: MessagingLogger;
  topicPrefix?: string;
  /** Distinguishes this process's group; defaults to host, pid and a random suffix. */
  replicaId?: string;
}

/** `<service group>.broadcast.<host>-<pid>-<random>`: a group of one, so every replica gets every message. */
export function replicaGroupId(
  baseGroupId: string,
  replicaId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
): string {
  return `${baseGroupId}.broadcast.${replicaId}`;
}

/**
 * The service's EventConsumer hands each event to one replica of the group. Some reactions
 * concern every replica's memory — above all dropping a referral's cached data key when its
 * personal data is erased. This listener reads the same topics in a consumer group of its own
 * per process, from the latest offset (a replica that starts later has nothing cached yet),
 * and runs only those in-memory reactions. Why Kafka rather than a Redis broadcast: the
 * erasure event is already there, durable and ordered; a replica briefly disconnected from
 * Kafka catches up on reconnecting, whereas a missed pub/sub message is gone for good.
 * A failing reaction is logged and skipped: the cache's time to live is the backstop.
 */
export class BroadcastListener {
  private readonly consumer: Consumer;
  private readonly byType = new Map<string, Broadcast>();
  readonly groupId: string;
  private started = false;
  /** `topic:partition` → the offset the partition's next message had when `start` began. */
  private startOffsets = new Map<string, string>();
  /** The `topic:partition`s this listener has been handed a message from. */
  private readonly partitionsRead = new Set<string>();

  constructor(private readonly options: BroadcastListenerOptions) {
    for (const b of options.broadcasts) this.byType.set(b.event.type, b);
    this.groupId = replicaGroupId(options.baseGroupId, options.replicaId);
    this.consumer = options.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      allowAutoTopicCreation: false,
    });
    // kafkajs emits this synchronously after each join, before that join's first fetch.
    this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => this.seekToStart(payload.memberAssignment));
  }

  /** Once this resolves, nothing published afterwards is missed. */
  async start(): Promise<void> {
    if (this.started || !this.byType.size) return;
    this.started = true;
    const prefix = this.options.topicPrefix ?? '';
    const topics = [...new Set(this.options.broadcasts.map((b) => `${prefix}${b.event.topic}`))];
    this.startOffsets = await currentEnds(this.options.kafka, topics);
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: false });
    await this.consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message }) => {
        this.partitionsRead.add(partitionKey(topic, partition));
        await this.onMessage(topic.slice(prefix.length), String(message.value ?? ''));
      },
    });
  }

  /**
   * Left to itself, kafkajs looks "latest" up lazily, in its first fetch after a join, and
   * commits nothing until a message arrives: an erasure published before that look-up, or
   * across a rejoin, would be skipped. So after each join, every assigned partition this
   * listener has not yet read a message from is sought to the end read before `start`
   * resolved. kafkajs drops what it fetched for a partition with a seek pending and commits
   * the seek when it applies it; once a message has been read, the group's own committed
   * offsets carry it across a rejoin.
   */
  private seekToStart(assignment: Record<string, number[]>): void {
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const key = partitionKey(topic, partition);
        const start = this.startOffsets.get(key);
        if (start !== undefined && !this.partitionsRead.has(key))
          this.consumer.seek({ topic, partition, offset: start });
      }
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.consumer.disconnect();
  }

  private async onMessage(topic: string, value: string): Promise<void> {
    let raw: unknown;
    try {
      raw = JSON.parse(value);
    } catch {
      return; // the service's EventConsumer dead-letters it; here it is simply not ours
    }
    const type = (raw as { type?: unknown })?.type;
    const wanted = typeof type === 'string' ? this.byType.get(type) : undefined;
    if (!wanted || wanted.event.topic !== topic) return;
    const check = checkEnvelope(raw);
    if (!check.ok) return;
    try {
      await wanted.handle(check.envelope as never);
    } catch (error) {
      this.options.logger.warn(
        { err: error, eventId: check.envelope.id, eventType: check.envelope.type },
        'broadcast reaction failed',
      );
    }
  }
}

/**
 * Every replica drops the erased referral's data key from its own cache at once, not only the
 * replica whose EventConsumer applies `referral.personal_data_erased`.
 */
export function forgetKeysOnErasure(keyCache: { forget(keyId: string): void }): Broadcast {
  return broadcast(ReferralPersonalDataErased, (event) => keyCache.forget(event.data.dataKeyId));
}

async function currentEnds(kafka: Kafka, topics: string[]): Promise<Map<string, string>> {
  const ends = new Map<string, string>();
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      for (const { partition, offset } of await latestOffsets(admin, topic))
        ends.set(partitionKey(topic, partition), offset);
    }
  } finally {
    await admin.disconnect();
  }
  return ends;
}

function partitionKey(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}
