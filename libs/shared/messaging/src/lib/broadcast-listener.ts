import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Admin, Consumer, Kafka } from 'kafkajs';
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

  constructor(private readonly options: BroadcastListenerOptions) {
    for (const b of options.broadcasts) this.byType.set(b.event.type, b);
    this.groupId = replicaGroupId(options.baseGroupId, options.replicaId);
    this.consumer = options.kafka.consumer({
      groupId: this.groupId,
      sessionTimeout: 10_000,
      heartbeatInterval: 1000,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, async ({ payload }) => {
      try {
        await this.seekUncommitted(payload.memberAssignment);
      } catch (error) {
        this.options.logger.warn({ err: error, groupId: this.groupId }, 'broadcast listener could not pin its offsets');
      }
    });
  }

  /** Once this resolves, nothing published afterwards is missed. */
  async start(): Promise<void> {
    if (this.started || !this.byType.size) return;
    this.started = true;
    const prefix = this.options.topicPrefix ?? '';
    const topics = [...new Set(this.options.broadcasts.map((b) => `${prefix}${b.event.topic}`))];
    this.startOffsets = await this.withAdmin((admin) => currentEnds(admin, topics));
    await this.consumer.connect();
    await this.consumer.subscribe({ topics, fromBeginning: false });
    await this.consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, message }) =>
        this.onMessage(topic.slice(prefix.length), String(message.value ?? '')),
    });
  }

  /**
   * Left to itself, kafkajs looks "latest" up lazily, in its first fetch after a join, and
   * commits nothing until a message arrives: an erasure published before that look-up, or
   * across a rejoin, would be skipped. After each join, every assigned partition without a
   * committed offset is sought back to the end read before `start` resolved. kafkajs drops
   * what it fetched for a partition with a seek pending and commits the seek when it applies
   * it, so from then on the group resumes from its own offsets.
   */
  private async seekUncommitted(assignment: Record<string, number[]>): Promise<void> {
    const topics = Object.keys(assignment);
    if (!topics.length) return;
    const committed = await this.withAdmin((admin) => admin.fetchOffsets({ groupId: this.groupId, topics }));
    for (const { topic, partitions } of committed) {
      for (const { partition, offset } of partitions) {
        const start = this.startOffsets.get(`${topic}:${partition}`);
        if (offset === '-1' && start !== undefined && assignment[topic].includes(partition)) {
          this.consumer.seek({ topic, partition, offset: start });
        }
      }
    }
  }

  private async withAdmin<T>(use: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.options.kafka.admin();
    await admin.connect();
    try {
      return await use(admin);
    } finally {
      await admin.disconnect();
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

async function currentEnds(admin: Admin, topics: string[]): Promise<Map<string, string>> {
  const ends = new Map<string, string>();
  for (const topic of topics) {
    for (const { partition, offset } of await latestOffsets(admin, topic)) ends.set(`${topic}:${partition}`, offset);
  }
  return ends;
}
