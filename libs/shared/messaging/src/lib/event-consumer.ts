import type { DataSource } from 'typeorm';
import {
  Partitioners,
  type Consumer,
  type EachBatchPayload,
  type Kafka,
  type KafkaMessage,
  type Producer,
} from 'kafkajs';
import { checkEnvelope, EVENT_CATALOGUE, messageKeyOf, type EventEnvelope } from '@rj/shared/contracts';
import {
  applyEvents,
  applyEventsWithoutSavepoints,
  providedBy,
  type ApplyInput,
  type ApplyOutcome,
  type ApplyResult,
} from './apply-event';
import { deadLetterLogFields, sendToDeadLetter, type DeadLetterReason } from './dead-letter';
import type { MessagingLogger } from './messaging-logger';
import { messagingMetrics } from './metrics/messaging-metrics';
import { PendingDrainer } from './pending-drainer';
import { SavepointPolicy } from './savepoint-policy';
import type { Subscription } from './subscription';
import { TopicsInStep } from './topics-in-step';

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
  /** Consecutive events of a partition applied in one transaction (one commit). */
  maxEventsPerTransaction?: number;
  /** Prepended to every topic name, as for the relay (KAFKA_TOPIC_PREFIX). */
  topicPrefix?: string;
  /**
   * At most this many bytes of messages in one fetch, over all partitions (KAFKA_FETCH_MAX_BYTES).
   * A consumer that lags holds a whole fetch until its batches are applied, so this bounds its
   * memory in a catch-up; kafkajs's own bound is 10 MB (1 MB a partition).
   */
  fetchMaxBytes?: number;
  /**
   * A fetch waits at the broker until this many bytes of events are there, or fetchMaxWaitMs has
   * passed (KAFKA_FETCH_MIN_BYTES; 1, kafkajs's default: a fetch returns with the first event).
   * Above 1 a consumer off a referral's path reads a steady stream in fewer, larger fetches: less
   * CPU per event where the fetch is the cost (a service that skips most of what it reads), for a
   * delay of at most fetchMaxWaitMs.
   */
  fetchMinBytes?: number;
  /** How long a fetch waits for fetchMinBytes (KAFKA_FETCH_MAX_WAIT_MS; kafkajs's default 5 s). */
  fetchMaxWaitMs?: number;
  /**
   * The longest a partition waits for the consumer's topics that provide prerequisites to reach
   * the time of its next event (CONSUMER_TOPIC_WAIT_MAX_MS; default 1000, 0: never waits). See
   * TimeAlignment.
   */
  topicWaitMaxMs?: number;
}

const KNOWN_TYPES = new Set([...EVENT_CATALOGUE.values()].map((definition) => definition.type));
/** The contract's topic of each event type: an event read from any other topic is refused. */
const TOPIC_OF_TYPE = new Map(
  [...EVENT_CATALOGUE.values()].map((definition) => [definition.type, definition.topic as string]),
);

/**
 * Null when the type belongs to the topic (or is unknown: the schema check refuses that);
 * else why not. A producer may write only its own topic, so a type arriving on a topic it does
 * not belong to was written by someone impersonating its owner, or by mistake: never applied.
 */
export function topicMismatch(type: unknown, topic: string): string | null {
  if (typeof type !== 'string') return null;
  const expected = TOPIC_OF_TYPE.get(type);
  return expected && expected !== topic ? `${type} belongs to ${expected}, not ${topic}` : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How long the offset of skipped events that ended a batch waits to ride on a commit. */
const SKIPPED_COMMIT_DELAY_MS = 1000;

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
  private readonly savepoints = new SavepointPolicy();
  /** Per topic-partition, the offset after skipped events that ended a batch, not yet committed. */
  private readonly skippedToCommit = new Map<string, { topic: string; partition: number; offset: string }>();
  private skippedCommitTimer?: NodeJS.Timeout;
  private readonly inStep: TopicsInStep;

  constructor(private readonly options: EventConsumerOptions) {
    for (const subscription of options.subscriptions) {
      if (this.byType.has(subscription.event.type))
        throw new Error(`two handlers for ${subscription.event.type} in ${options.groupId}`);
      this.byType.set(subscription.event.type, subscription);
    }
    this.topics = [...new Set(options.subscriptions.map((s) => s.event.topic))];
    const waitMaxMs = options.topicWaitMaxMs ?? 1000;
    this.inStep = new TopicsInStep({
      kafka: options.kafka,
      groupId: options.groupId,
      providingTopics: new Set(
        waitMaxMs > 0 ? options.subscriptions.filter((s) => s.provides).map((s) => this.prefixed(s.event.topic)) : [],
      ),
      maxWaitMs: waitMaxMs,
      logger: options.logger,
    });
    this.consumer = options.kafka.consumer({
      groupId: options.groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: 1000,
      rebalanceTimeout: 20_000,
      allowAutoTopicCreation: false,
      retry: { retries: 10 },
      ...(options.fetchMaxBytes && {
        maxBytes: options.fetchMaxBytes,
        // A quarter a partition: a lagging partition cannot fill the fetch alone, so each fetch
        // brings work for the workers of several partitions (partitionsConsumedConcurrently).
        maxBytesPerPartition: Math.ceil(options.fetchMaxBytes / 4),
      }),
      ...(options.fetchMinBytes && { minBytes: options.fetchMinBytes }),
      ...(options.fetchMaxWaitMs && { maxWaitTimeInMs: options.fetchMaxWaitMs }),
    });
    this.producer = options.kafka.producer({
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    this.drainer = new PendingDrainer({
      ...options,
      byType: this.byType,
      maxAttempts: options.maxAttempts ?? 5,
      deadLetter: (envelope, topic, error, attempts) =>
        sendToDeadLetter(this.producer, {
          topic: `${options.topicPrefix ?? ''}${topic}`,
          partition: -1,
          message: {
            key: Buffer.from(messageKeyOf(envelope)),
            value: Buffer.from(JSON.stringify(envelope)),
            headers: {},
            offset: '-1',
          },
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
    this.watchForCrashes();
    await this.producer.connect();
    await this.consume();
    const sweepMs = this.options.pendingSweepMs ?? 5000;
    this.sweepTimer = setInterval(
      () =>
        void this.drainer.sweep().catch((error) => this.options.logger.warn({ err: error }, 'pending sweep failed')),
      sweepMs,
    );
  }

  /** Connects, subscribes and runs: what start does, and a restart after a crash. */
  private async consume(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: this.topics.map((t) => this.prefixed(t)),
      fromBeginning: this.options.fromBeginning ?? true,
    });
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: (payload) => this.onBatch(payload),
    });
  }

  /**
   * kafkajs restarts itself after retriable failures; when it gives up (restart: false) the
   * consumer would sit silent forever. Say so loudly and start it again.
   */
  private watchForCrashes(): void {
    const { CRASH, GROUP_JOIN } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, ({ payload }) => {
      this.options.logger.info(
        { groupId: this.options.groupId, assignment: payload.memberAssignment },
        'consumer joined its group',
      );
      void this.inStep.joined(payload.memberAssignment);
    });
    this.consumer.on(CRASH, ({ payload }) => {
      this.options.logger.error(
        { err: payload.error, groupId: this.options.groupId, restart: payload.restart },
        'kafka consumer crashed',
      );
      if (payload.restart || !this.started) return;
      setTimeout(() => void this.restart(), 1000);
    });
  }

  private async restart(): Promise<void> {
    if (!this.started) return;
    try {
      await this.consumer.disconnect().catch(() => undefined);
      // Offsets kept for a membership that ended; its skipped events are read and skipped again.
      this.skippedToCommit.clear();
      await this.consume();
      this.options.logger.warn({ groupId: this.options.groupId }, 'kafka consumer restarted after a crash');
    } catch (error) {
      this.options.logger.error({ err: error }, 'kafka consumer restart failed; trying again');
      setTimeout(() => void this.restart(), 5000);
    }
  }

  /** Stops consuming; an in-flight message finishes (its transaction commits or rolls back). */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    clearInterval(this.sweepTimer);
    await this.commitSkipped();
    await this.consumer.disconnect();
    await this.inStep.stop();
    clearTimeout(this.skippedCommitTimer); // a batch that ended while stopping
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

  private async onBatch({
    batch,
    resolveOffset,
    heartbeat,
    isRunning,
    isStale,
    pause,
  }: EachBatchPayload): Promise<void> {
    const kafkaTopic = batch.topic;
    const topic = this.contractTopic(kafkaTopic);
    if (this.inStep.aligns(kafkaTopic)) {
      await this.inStep.ready();
      // Paused at an event that waits for other topics: it is fetched again from there on resume.
      if (this.inStep.isWaiting(kafkaTopic, batch.partition)) return;
    }
    const lastMessage = batch.messages[batch.messages.length - 1];
    const behindAfter = (message: KafkaMessage) => message !== lastMessage || batch.offsetLag() !== '0';
    let run: { message: KafkaMessage; input: ApplyInput }[] = [];
    // The last message skipped since the last commit. A skipped event has no effect, so its
    // offset rides on the next commit instead of costing a Kafka round trip of its own: a
    // service that needs few of a topic's types otherwise paid one per event it ignored.
    let skippedSinceCommit: KafkaMessage | undefined;
    const settle = async (message: KafkaMessage) => {
      if (skippedSinceCommit && BigInt(skippedSinceCommit.offset) <= BigInt(message.offset)) {
        skippedSinceCommit = undefined;
      }
      // This commit covers skipped events of earlier batches too (offsets only grow).
      this.skippedToCommit.delete(`${kafkaTopic}:${batch.partition}`);
      resolveOffset(message.offset);
      await this.consumer.commitOffsets([
        { topic: kafkaTopic, partition: batch.partition, offset: String(BigInt(message.offset) + 1n) },
      ]);
      this.inStep.applied(kafkaTopic, batch.partition, message, behindAfter(message));
      await heartbeat();
    };
    const flush = async () => {
      if (!run.length) return;
      await this.applyRun(
        run.map((r) => r.input),
        heartbeat,
        isRunning,
      );
      await settle(run[run.length - 1].message);
      run = [];
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      const prepared = this.prepare(message, topic);
      // Only an event the service applies can need another topic's: the rest go on, so a service
      // that skips most of a topic does not pause it for what it skips.
      if (prepared.kind === 'apply' && this.inStep.mustWait(kafkaTopic, message)) {
        await flush();
        this.inStep.wait(kafkaTopic, batch.partition, message, pause);
        break;
      }
      if (prepared.kind === 'skip') {
        // Committed by the next commit of a later offset, or at the batch's end.
        skippedSinceCommit = message;
        continue;
      }
      if (prepared.kind === 'apply') {
        run.push({
          message,
          input: {
            ...prepared,
            dataSource: this.options.dataSource,
            groupId: this.options.groupId,
            topic,
            partition: batch.partition,
            offset: message.offset,
            logger: this.options.logger,
            traceHeaders: message.headers,
          },
        });
        if (run.length >= this.runLength) await flush();
        continue;
      }
      await flush(); // keep offsets committed strictly in order
      await this.deadLetter(kafkaTopic, batch.partition, message, prepared.reason, prepared.error, 1);
      await settle(message);
    }
    await flush();
    if (skippedSinceCommit && isRunning() && !isStale()) {
      // Read past, but committed with the next commit of this partition or within a second:
      // at a moderate rate a batch is often one event, and a service skips most of what it
      // reads, so a commit per such batch was a Kafka round trip per skipped event.
      resolveOffset(skippedSinceCommit.offset);
      this.commitSkippedSoon(kafkaTopic, batch.partition, skippedSinceCommit.offset);
      this.inStep.applied(kafkaTopic, batch.partition, skippedSinceCommit, behindAfter(skippedSinceCommit));
    }
  }

  private commitSkippedSoon(topic: string, partition: number, offset: string): void {
    this.skippedToCommit.set(`${topic}:${partition}`, { topic, partition, offset: String(BigInt(offset) + 1n) });
    this.skippedCommitTimer ??= setTimeout(() => void this.commitSkipped(), SKIPPED_COMMIT_DELAY_MS);
  }

  /**
   * Commits the offsets waiting after skipped events. Taken and sent in one turn, so a later
   * commit of the same partition (which clears its entry first) is never overtaken. If it
   * fails (the partition went to another member in a rebalance, Kafka is away), those events
   * are read again and skipped again: they have no effect.
   */
  private async commitSkipped(): Promise<void> {
    clearTimeout(this.skippedCommitTimer);
    this.skippedCommitTimer = undefined;
    const offsets = [...this.skippedToCommit.values()];
    this.skippedToCommit.clear();
    if (!offsets.length) return;
    await this.consumer
      .commitOffsets(offsets)
      .catch((error) => this.options.logger.debug({ err: error }, 'offsets of skipped events not committed'));
  }

  private get runLength(): number {
    return this.options.maxEventsPerTransaction ?? 100;
  }

  /** Decides what to do with a message before touching the database. */
  private prepare(
    message: KafkaMessage,
    topic: string,
  ):
    | { kind: 'skip' }
    | { kind: 'dead'; reason: DeadLetterReason; error: string }
    | { kind: 'apply'; envelope: EventEnvelope; subscription: Subscription } {
    let raw: unknown;
    try {
      raw = JSON.parse(String(message.value ?? ''));
    } catch (error) {
      return { kind: 'dead', reason: 'invalid_json', error: (error as Error).message };
    }
    const type = (raw as { type?: unknown })?.type;
    const mismatch = topicMismatch(type, topic);
    if (mismatch) return { kind: 'dead', reason: 'wrong_topic', error: mismatch };
    // Events of the catalogue that this service does not need are none of its business.
    if (typeof type === 'string' && KNOWN_TYPES.has(type) && !this.byType.has(type)) return { kind: 'skip' };
    const check = checkEnvelope(raw);
    if (!check.ok) return { kind: 'dead', reason: 'schema', error: check.errors.join('; ') };
    const subscription = this.byType.get(check.envelope.type);
    if (!subscription) return { kind: 'skip' };
    return { kind: 'apply', envelope: check.envelope, subscription };
  }

  /**
   * Applies a run of events in one transaction; the event that fails (if any) is retried on
   * its own with backoff and dead-lettered after maxAttempts, then the run goes on after it.
   */
  private async applyRun(
    inputs: ApplyInput[],
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<void> {
    let start = 0;
    while (start < inputs.length) {
      const outcome = await this.applyPatiently(inputs.slice(start), heartbeat, isRunning);
      await this.afterApply(inputs.slice(start, start + outcome.results.length), outcome.results);
      if (!outcome.failure) return;
      const failed = inputs[start + outcome.failure.index];
      await this.retryAlone(failed, outcome.failure.error, heartbeat, isRunning);
      start += outcome.failure.index + 1;
    }
  }

  /**
   * A handler's own failure comes back in the outcome; an exception here means the database
   * itself failed (pool timeout, restart). That is not the event's fault: wait and try the
   * same run again, never dead-letter it, never let it crash the Kafka consumer.
   */
  private async applyPatiently(inputs: ApplyInput[], heartbeat: () => Promise<void>, isRunning: () => boolean) {
    for (let wait = 250; ; wait = Math.min(wait * 2, 5000)) {
      const stopTimer = messagingMetrics().applyDuration.startTimer({ topic: inputs[0]?.topic });
      try {
        return (await this.applyWithoutSavepointsWhileTheyHold(inputs)) ?? (await applyEvents(inputs));
      } catch (error) {
        if (!isRunning()) throw error;
        this.options.logger.warn(
          { err: error, events: inputs.length },
          'could not reach the database to apply events; retrying',
        );
        await sleep(wait);
        await heartbeat();
      } finally {
        stopTimer();
      }
    }
  }

  /** Without a savepoint per event while the run's topic has not thrown lately (SavepointPolicy). */
  private async applyWithoutSavepointsWhileTheyHold(inputs: ApplyInput[]): Promise<ApplyOutcome | undefined> {
    const topic = inputs[0].topic;
    if (!this.savepoints.tryWithoutSavepoints(topic, inputs.length)) return undefined;
    const outcome = await applyEventsWithoutSavepoints(inputs);
    if (!outcome && inputs.length > 1) this.savepoints.threw(topic);
    return outcome;
  }

  private async retryAlone(
    input: ApplyInput,
    firstError: Error,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    let error = firstError;
    for (let attempt = 2; attempt <= maxAttempts; attempt++) {
      this.options.logger.warn(
        { err: error, eventId: input.envelope.id, eventType: input.envelope.type, attempt },
        'handler failed; retrying',
      );
      await sleep((this.options.retryBackoffMs ?? 200) * 2 ** (attempt - 2));
      await heartbeat();
      const outcome = await this.applyPatiently([input], heartbeat, isRunning);
      if (!outcome.failure) {
        await this.afterApply([input], outcome.results);
        return;
      }
      error = outcome.failure.error;
    }
    // The original headers go with it (its trace among them): a re-drive continues the same trace.
    const headers = (input.traceHeaders ?? {}) as KafkaMessage['headers'];
    const message = {
      key: Buffer.from(messageKeyOf(input.envelope)),
      value: Buffer.from(JSON.stringify(input.envelope)),
      headers,
      offset: input.offset ?? '-1',
    };
    await this.deadLetter(
      `${this.options.topicPrefix ?? ''}${input.topic}`,
      input.partition ?? -1,
      message,
      'handler_failed',
      error.stack ?? String(error),
      Math.max(maxAttempts, 1),
    );
  }

  private async deadLetter(
    kafkaTopic: string,
    partition: number,
    message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>,
    reason: DeadLetterReason,
    error: string,
    attempts: number,
  ): Promise<void> {
    await sendToDeadLetter(this.producer, {
      topic: kafkaTopic,
      partition,
      message,
      groupId: this.options.groupId,
      reason,
      error,
      attempts,
    });
    this.options.logger.error(
      deadLetterLogFields({ topic: kafkaTopic, partition, offset: message.offset, reason, attempts, error }),
      'message dead-lettered',
    );
  }

  private async afterApply(inputs: ApplyInput[], results: ApplyResult[]): Promise<void> {
    const provided: string[] = [];
    results.forEach((result, index) => {
      const { envelope } = inputs[index];
      if (result.kind === 'parked') {
        this.options.logger.info(
          { eventId: envelope.id, eventType: envelope.type, waitingFor: result.waitingFor },
          'event parked until its prerequisite arrives',
        );
      }
      if (result.kind === 'applied') provided.push(...providedBy(inputs[index]));
    });
    if (provided.length) await this.drainer.drain(provided);
  }
}
