import type { DataSource } from 'typeorm';
import type { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { checkEnvelope, EVENT_CATALOGUE, type EventEnvelope } from '@rj/shared/contracts';
import { applyEvent, type ApplyResult } from './apply-event';
import { sendToDeadLetter, type DeadLetterReason } from './dead-letter';
import type { MessagingLogger } from './messaging-logger';
import { PendingDrainer } from './pending-drainer';
import type { Subscription } from './subscription';

export interface EventConsumerOptions {
  kafka: Kafka;
  dataSource: DataSource;
  groupId: string;
  subscriptions: Subscription[];
  logger: MessagingLogger;
  /** Attempts of a failing handler before the message is dead-lettered. */
  maxAttempts?: number;
  retryBackoffMs?: number;
  /** kafkajs defaults to 30 s; a killed consumer would stall its group that long. */
  sessionTimeoutMs?: number;
  /** How often parked events are retried regardless of triggers (covers races). */
  pendingSweepMs?: number;
  partitionsConsumedConcurrently?: number;
  fromBeginning?: boolean;
  /** Prepended to every topic name, as for the relay (KAFKA_TOPIC_PREFIX). */
  topicPrefix?: string;
}

const KNOWN_TYPES = new Set([...EVENT_CATALOGUE.values()].map((definition) => definition.type));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Consumes a service's topics and applies each subscribed event exactly once (inbox), in
 * per-referral order, parking events whose prerequisite has not arrived, and moving poison
 * messages (invalid, or a handler that keeps failing) to `<topic>.dlq` after bounded
 * retries so the partition goes on. Offsets are committed only after the transaction that
 * applied (or parked, or dead-lettered) the message.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly byType = new Map<string, Subscription>();
  private readonly topics: string[];
  private readonly drainer: PendingDrainer;
  private sweepTimer?: NodeJS.Timeout;
  private started = false;

  constructor(private readonly options: EventConsumerOptions) {
    for (const subscription of options.subscriptions) {
      if (this.byType.has(subscription.event.type)) throw new Error(`two handlers for ${subscription.event.type} in ${options.groupId}`);
      this.byType.set(subscription.event.type, subscription);
    }
    this.topics = [...new Set(options.subscriptions.map((s) => s.event.topic))];
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 1000,
      rebalanceTimeout: 20_000,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
    });
    this.producer = options.kafka.producer({ allowAutoTopicCreation: false });
    this.drainer = new PendingDrainer({
      ...options,
      byType: this.byType,
      maxAttempts: options.maxAttempts ?? 5,
      deadLetter: (envelope, topic, error, attempts) =>
        sendToDeadLetter(this.producer, {
          topic: `${options.topicPrefix ?? ''}${topic}`,
          partition: -1,
          message: { key: null, value: Buffer.from(JSON.stringify(envelope)), headers: {}, offset: '-1' },
          groupId: options.groupId,
          reason: 'handler_failed',
          error,
          attempts,
        }),
    });
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    await this.producer.connect();
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics.map((t) => this.prefixed(t)), fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
    const sweepMs = this.options.pendingSweepMs ?? 5000;
    this.sweepTimer = setInterval(() => void this.drainer.sweep().catch((error) => this.options.logger.warn({ err: error }, 'pending sweep failed')), sweepMs);
  }

  /** Stops consuming; an in-flight message finishes (its transaction commits or rolls back). */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearInterval(this.sweepTimer);
    await this.consumer.disconnect();
    await this.drainer.idle();
    await this.producer.disconnect();
  }

  private prefixed(topic: string): string {
    return `${this.options.topicPrefix ?? ''}${topic}`;
  }

  /** The contract's topic name, as recorded in the inbox and pending tables. */
  private contractTopic(topic: string): string {
    const prefix = this.options.topicPrefix ?? '';
    return prefix && topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }

  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    let uncommitted = 0;
    const commit = async (offset: string) => {
      await this.consumer.commitOffsets([{ topic: batch.topic, partition: batch.partition, offset: String(BigInt(offset) + 1n) }]);
      uncommitted = 0;
    };
    let lastOffset: string | undefined;
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      await this.onMessage(batch.topic, batch.partition, message, heartbeat);
      resolveOffset(message.offset);
      lastOffset = message.offset;
      if (++uncommitted >= 100) await commit(message.offset);
      await heartbeat();
    }
    if (lastOffset !== undefined && uncommitted) await commit(lastOffset);
  }

  private async onMessage(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const { logger, groupId } = this.options;
    const kafkaTopic = topic;
    topic = this.contractTopic(kafkaTopic);
    const deadLetter = (reason: DeadLetterReason, error: string, attempts: number) =>
      sendToDeadLetter(this.producer, { topic: kafkaTopic, partition, message, groupId, reason, error, attempts }).then(() =>
        logger.error({ topic, partition, offset: message.offset, reason, attempts, error }, 'message dead-lettered'),
      );
    let raw: unknown;
    try {
      raw = JSON.parse(String(message.value ?? ''));
    } catch (error) {
      return deadLetter('invalid_json', (error as Error).message, 1);
    }
    const type = (raw as { type?: unknown })?.type;
    const known = typeof type === 'string' && KNOWN_TYPES.has(type);
    // Events of the catalogue that this service does not need are none of its business.
    if (known && !this.byType.has(type)) return;
    const check = checkEnvelope(raw);
    if (!check.ok) return deadLetter('schema', check.errors.join('; '), 1);
    const subscription = this.byType.get(check.envelope.type);
    if (!subscription) return;
    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await applyEvent({ dataSource: this.options.dataSource, groupId, topic, partition, offset: message.offset, envelope: check.envelope, subscription, logger });
        await this.afterApply(check.envelope, subscription, result);
        return;
      } catch (error) {
        if (attempt >= maxAttempts) return deadLetter('handler_failed', (error as Error).stack ?? String(error), attempt);
        logger.warn({ err: error, eventId: check.envelope.id, eventType: check.envelope.type, attempt }, 'handler failed; retrying');
        await sleep((this.options.retryBackoffMs ?? 200) * 2 ** (attempt - 1));
        await heartbeat();
      }
    }
  }

  private async afterApply(envelope: EventEnvelope, subscription: Subscription, result: ApplyResult): Promise<void> {
    if (result.kind === 'parked') {
      this.options.logger.info({ eventId: envelope.id, eventType: envelope.type, waitingFor: result.waitingFor }, 'event parked until its prerequisite arrives');
      return;
    }
    if (result.kind === 'applied' && subscription.provides) {
      const keys = subscription.provides(envelope as never);
      if (keys.length) await this.drainer.drain(keys);
    }
  }
}
