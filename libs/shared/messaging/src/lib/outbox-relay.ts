import { Client, type Notification } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions';
import { CompressionTypes, Partitioners, type Kafka, type Message, type Producer } from 'kafkajs';
import { EventHeaders } from '@rj/shared/contracts';
import { contextFrom, markFailed, SpanKind, startSpan, traceCarrier } from '@rj/shared/service';
import type { MessagingLogger } from './messaging-logger';
import { OUTBOX_CHANNEL } from './outbox-writer';
import { messagingMetrics } from './metrics/messaging-metrics';

export interface OutboxRelayOptions {
  dataSource: DataSource;
  kafka: Kafka;
  logger: MessagingLogger;
  /** Names the advisory lock: one relay per service database publishes at a time. */
  name: string;
  pollIntervalMs?: number;
  batchSize?: number;
  retentionHours?: number;
  /**
   * Prepended to every topic name (KAFKA_TOPIC_PREFIX): lets environments — and tests —
   * share one cluster without sharing topics. The outbox stores the contract's name.
   */
  topicPrefix?: string;
  /** A seam for fault tests: runs after Kafka acknowledged a batch, before it is marked sent. */
  afterPublish?: (seqs: string[]) => Promise<void>;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  payload: string;
  headers: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Publishes outbox rows to Kafka in `seq` order with an idempotent producer and acks=all,
 * then marks them sent. Woken by NOTIFY at commit, with a fallback poll. A crash between
 * publishing and marking re-sends the batch — never loses it; consumers' inboxes make the
 * duplicate harmless. Only the holder of a Postgres advisory lock publishes, so replicas
 * of a service never interleave and per-referral order holds.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private client?: Client;
  private producer?: Producer;
  private isLeader = false;
  private wake?: () => void;
  private dirty = true;
  private lastPurge = 0;
  private readonly pollIntervalMs: number;
  private readonly batchSize: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // The default partitioner is murmur2, as in the Java client: a referral's key lands on the
    // same partition whichever language produced it.
    this.producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await this.producer.connect();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
    await this.disconnect();
  }

  /** Publishes until the outbox is empty; for tools and tests that need a synchronous drain. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      if (published === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.connect();
        if (!this.isLeader) {
          await this.waitForWork();
          continue;
        }
        this.dirty = false;
        const published = await this.publishBatch();
        await this.purgeSentRows();
        if (published < this.batchSize && !this.dirty) await this.waitForWork();
      } catch (error) {
        messagingMetrics().relayErrors.inc();
        this.options.logger.error({ err: error }, 'outbox relay failed; reconnecting');
        await this.disconnect();
        await sleep(1000);
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.client) {
      if (!this.isLeader) await this.tryLead();
      return;
    }
    const { url } = this.options.dataSource.options as PostgresDataSourceOptions;
    const client = new Client({ connectionString: url, application_name: `${this.options.name}-outbox-relay` });
    client.on('error', (error) => this.options.logger.warn({ err: error }, 'outbox relay connection error'));
    client.on('notification', (message: Notification) => {
      if (message.channel !== OUTBOX_CHANNEL) return;
      this.dirty = true;
      this.wake?.();
    });
    await client.connect();
    await client.query(`listen ${OUTBOX_CHANNEL}`);
    this.client = client;
    await this.tryLead();
  }

  private async tryLead(): Promise<void> {
    const { rows } = await this.connected().query('select pg_try_advisory_lock(hashtext($1)) as locked', [
      `outbox-relay:${this.options.name}`,
    ]);
    if (rows[0].locked && !this.isLeader) this.options.logger.info('outbox relay is publishing (advisory lock held)');
    this.isLeader = rows[0].locked;
  }

  private async disconnect(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.isLeader = false;
    await client?.end().catch(() => undefined);
  }

  private waitForWork(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.pollIntervalMs);
      this.wake = done;
      if (!this.running) done();
    });
  }

  private connected(): Client {
    if (!this.client) throw new Error('outbox relay is not connected');
    return this.client;
  }

  private connectedProducer(): Producer {
    if (!this.producer) throw new Error('outbox relay is not started');
    return this.producer;
  }

  private async publishBatch(): Promise<number> {
    const query = (text: string, values: unknown[]) =>
      this.client
        ? this.client.query(text, values)
        : this.options.dataSource.query(text, values).then((rows) => ({ rows }));
    const { rows } = (await query(
      'select seq, topic, message_key, payload::text as payload, headers from outbox where sent_at is null order by seq limit $1',
      [this.batchSize],
    )) as { rows: OutboxRow[] };
    if (!rows.length) return 0;
    const byTopic = new Map<string, Message[]>();
    const spans = rows.map((row) => publishSpan(row));
    rows.forEach((row, index) => {
      const messages = byTopic.get(row.topic) ?? [];
      // The message carries the publish span as its parent: the consumer's span continues it.
      messages.push({
        key: row.message_key,
        value: row.payload,
        headers: { ...row.headers, ...traceCarrier(spans[index].context) },
      });
      byTopic.set(row.topic, messages);
    });
    try {
      await this.connectedProducer().sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({
          topic: `${this.options.topicPrefix ?? ''}${topic}`,
          messages,
        })),
      });
    } catch (error) {
      for (const { span } of spans) markFailed(span, error);
      throw error;
    } finally {
      for (const { span } of spans) span.end();
    }
    const seqs = rows.map((row) => row.seq);
    await this.options.afterPublish?.(seqs);
    await query('update outbox set sent_at = now() where seq = any($1::bigint[])', [seqs]);
    for (const [topic, messages] of byTopic) messagingMetrics().relayPublished.inc({ topic }, messages.length);
    return rows.length;
  }

  private async purgeSentRows(): Promise<void> {
    if (Date.now() - this.lastPurge < 60_000) return;
    this.lastPurge = Date.now();
    const hours = this.options.retentionHours ?? 24;
    await this.connected().query(`delete from outbox where sent_at < now() - make_interval(hours => $1)`, [hours]);
  }
}

/**
 * A producer span per event, child of the request or message that wrote it to the outbox
 * (the traceparent stored in its row): ids and names only.
 */
function publishSpan(row: OutboxRow) {
  return startSpan(`publish ${row.topic}`, {
    kind: SpanKind.PRODUCER,
    parent: contextFrom(row.headers),
    attributes: {
      'messaging.system': 'kafka',
      'messaging.operation.type': 'send',
      'messaging.destination.name': row.topic,
      'messaging.message.id': row.headers[EventHeaders.eventId] ?? '',
      'rj.event.type': row.headers[EventHeaders.eventType] ?? '',
    },
  });
}
