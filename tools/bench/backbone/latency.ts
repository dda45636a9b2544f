/**
 * The backbone on its own — outbox → relay → Kafka → consumer → inbox — between two scratch
 * databases: what npm run bench:backbone measures, and the ceiling npm run bench:pipeline
 * prints its own latency next to (measured in the same run, at the same rate).
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { OfferAccepted, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import {
  appendToOutbox,
  createKafka,
  CreateMessagingTables1764100000000,
  EventConsumer,
  on,
  OutboxRelay,
} from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { createScratchDatabase, testBrokers, type ScratchDatabase } from '@rj/shared/testing';
import { percentile } from './raw-kafka';

export class BenchTables1764100000002 {
  async up(queryRunner: { query(sql: string): Promise<unknown> }) {
    await queryRunner.query('create table applied (event_id uuid primary key)');
  }
  async down() {
    // scratch database
  }
}

export function offerAcceptedEvent(referralId: string): EventEnvelope {
  const offerId = uuidv7();
  return {
    id: uuidv7(),
    type: OfferAccepted.type,
    version: 1,
    occurredAt: new Date().toISOString(),
    aggregateType: 'offer',
    aggregateId: offerId,
    referralId,
    actor: { sub: 'bench', role: 'partner_admin', org: uuidv7() },
    correlationId: uuidv7(),
    causationId: null,
    data: { offerId, partnerId: uuidv7() },
  };
}

export interface Pipeline {
  relay: OutboxRelay;
  consumer: EventConsumer;
  producerDb: ScratchDatabase;
  consumerDb: ScratchDatabase;
  applied: Map<string, number>;
  onApplied?: () => void;
  close(): Promise<void>;
}

/** A producer database with its relay and a consumer database with its inbox consumer. */
export async function pipeline(prefix: string, label: string, writers = 8): Promise<Pipeline> {
  const logger = pino({ level: 'warn' });
  const producerDb = await createScratchDatabase(`bench_${label}_producer`, {
    migrations: [CreateMessagingTables1764100000000],
    poolSize: writers + 2,
  });
  const consumerDb = await createScratchDatabase(`bench_${label}_consumer`, {
    migrations: [CreateMessagingTables1764100000000, BenchTables1764100000002],
    poolSize: 6,
  });
  const applied = new Map<string, number>();
  const relay = new OutboxRelay({
    dataSource: producerDb.dataSource,
    kafka: createKafka({ brokers: testBrokers(), clientId: `bench-relay-${label}`, logger }),
    logger,
    name: `bench-${label}`,
    topicPrefix: prefix,
    pollIntervalMs: 500,
  });
  const result: Pipeline = {
    relay,
    producerDb,
    consumerDb,
    applied,
    consumer: new EventConsumer({
      kafka: createKafka({ brokers: testBrokers(), clientId: `bench-consumer-${label}`, logger }),
      dataSource: consumerDb.dataSource,
      groupId: `bench-${label}-${randomUUID()}`,
      topicPrefix: prefix,
      logger,
      subscriptions: [
        on(OfferAccepted, async (event, { manager }) => {
          await manager.query('insert into applied (event_id) values ($1)', [event.id]);
          // Measured when the handler runs; its transaction commits right after.
          applied.set(event.id, Date.now());
          result.onApplied?.();
        }),
      ],
    }),
    close: async () => {
      await result.consumer.stop();
      await relay.stop();
      await producerDb.drop();
      await consumerDb.drop();
    },
  };
  return result;
}

export function waitForAll(p: Pipeline, count: number): Promise<void> {
  return new Promise((resolve) => {
    p.onApplied = () => {
      if (p.applied.size >= count) resolve();
    };
    p.onApplied();
  });
}

/** Latency: single-event transactions at a steady rate below saturation, commit → applied. */
export async function latencyAtSteadyRate(prefix: string, { events, rate }: { events: number; rate: number }) {
  const p = await pipeline(prefix, 'latency');
  await p.relay.start();
  await p.consumer.start();
  await new Promise((r) => setTimeout(r, 2000)); // group formed, partitions assigned
  const committedAt = new Map<string, number>();
  const referrals = Array.from({ length: 500 }, () => uuidv7());
  const started = Date.now();
  for (let i = 0; i < events; i++) {
    const due = started + (i * 1000) / rate;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const event = offerAcceptedEvent(referrals[i % referrals.length]);
    // Not awaited: commits overlap as they would under concurrent requests. On a busy machine
    // the pool's 5 s connect timeout may fire: that write is tried again, never lost.
    const commit = (): Promise<unknown> =>
      withTransaction(p.producerDb.dataSource, (manager) => appendToOutbox(manager, event)).then(
        () => committedAt.set(event.id, Date.now()),
        commit,
      );
    void commit();
  }
  await waitForAll(p, events);
  const latencies = [...committedAt].map(([id, at]) => (p.applied.get(id) ?? at) - at).sort((a, b) => a - b);
  const offeredRate = events / ((Date.now() - started) / 1000);
  await p.close();
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), offeredRate };
}
