/**
 * Backbone benchmark: commit-to-applied latency and throughput of outbox → Kafka → inbox
 * for N events (default 10,000), next to the raw produce→consume rate of the same broker
 * measured in the same run. Usage: npm run bench:backbone [-- --events 10000 --rate 250]
 * Latency is measured at a steady rate below saturation (a queue would otherwise measure
 * itself); throughput by draining the same number of events already in the outbox.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { OfferAccepted, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { appendToOutbox, createKafka, CreateMessagingTables1764100000000, EventConsumer, on, OutboxRelay } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { createScratchDatabase, createTestTopics, testBrokers, type ScratchDatabase } from '@rj/shared/testing';
import { percentile, rawJavaPerfTools, rawKafkajs, type RawFigures } from './raw-kafka';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] || fallback) || fallback;
const EVENTS = option('events', 10_000);
const WRITERS = option('writers', 8);
const RATE = option('rate', 250);

class BenchTables1764100000002 {
  async up(queryRunner: { query(sql: string): Promise<unknown> }) {
    await queryRunner.query('create table applied (event_id uuid primary key)');
  }
  async down() {
    // scratch database
  }
}

function offerAcceptedEvent(referralId: string): EventEnvelope {
  const offerId = uuidv7();
  return {
    id: uuidv7(), type: OfferAccepted.type, version: 1, occurredAt: new Date().toISOString(), aggregateType: 'offer', aggregateId: offerId,
    referralId, actor: { sub: 'bench', role: 'partner_admin', org: uuidv7() }, correlationId: uuidv7(), causationId: null,
    data: { offerId, partnerId: uuidv7() },
  };
}

interface Pipeline {
  relay: OutboxRelay;
  consumer: EventConsumer;
  producerDb: ScratchDatabase;
  consumerDb: ScratchDatabase;
  applied: Map<string, number>;
  onApplied?: () => void;
  close(): Promise<void>;
}

/** A producer database with its relay and a consumer database with its inbox consumer. */
async function pipeline(prefix: string, label: string): Promise<Pipeline> {
  const logger = pino({ level: 'warn' });
  const producerDb = await createScratchDatabase(`bench_${label}_producer`, { migrations: [CreateMessagingTables1764100000000], poolSize: WRITERS + 2 });
  const consumerDb = await createScratchDatabase(`bench_${label}_consumer`, { migrations: [CreateMessagingTables1764100000000, BenchTables1764100000002], poolSize: 6 });
  const applied = new Map<string, number>();
  const relay = new OutboxRelay({ dataSource: producerDb.dataSource, kafka: createKafka({ brokers: testBrokers(), clientId: `bench-relay-${label}`, logger }), logger, name: `bench-${label}`, topicPrefix: prefix, pollIntervalMs: 500 });
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

function waitForAll(p: Pipeline, count: number): Promise<void> {
  return new Promise((resolve) => {
    p.onApplied = () => {
      if (p.applied.size >= count) resolve();
    };
    p.onApplied();
  });
}

/** Latency: single-event transactions at a steady rate below saturation, commit → applied. */
async function latencyAtSteadyRate(prefix: string) {
  const p = await pipeline(prefix, 'latency');
  await p.relay.start();
  await p.consumer.start();
  await new Promise((r) => setTimeout(r, 2000)); // group formed, partitions assigned
  const committedAt = new Map<string, number>();
  const referrals = Array.from({ length: 500 }, () => uuidv7());
  const started = Date.now();
  for (let i = 0; i < EVENTS; i++) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
    const event = offerAcceptedEvent(referrals[i % referrals.length]);
    // Not awaited: commits overlap as they would under concurrent requests.
    void withTransaction(p.producerDb.dataSource, (manager) => appendToOutbox(manager, event)).then(() => committedAt.set(event.id, Date.now()));
  }
  await waitForAll(p, EVENTS);
  const latencies = [...committedAt].map(([id, at]) => (p.applied.get(id) ?? at) - at).sort((a, b) => a - b);
  const offeredRate = EVENTS / ((Date.now() - started) / 1000);
  await p.close();
  return { p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), offeredRate };
}

/** Throughput: the events already committed to the outbox; relay and consumer drain them. */
async function throughputOfBacklog(prefix: string) {
  const p = await pipeline(prefix, 'throughput');
  const referrals = Array.from({ length: 500 }, () => uuidv7());
  for (let i = 0; i < EVENTS; i += 100) {
    const events = Array.from({ length: Math.min(100, EVENTS - i) }, (_, j) => offerAcceptedEvent(referrals[(i + j) % referrals.length]));
    await withTransaction(p.producerDb.dataSource, (manager) => appendToOutbox(manager, events));
  }
  await p.consumer.start();
  await new Promise((r) => setTimeout(r, 2000));
  const started = Date.now();
  await p.relay.start();
  await waitForAll(p, EVENTS);
  const seconds = (Math.max(...p.applied.values()) - started) / 1000;
  await p.close();
  return { eventsPerSecond: EVENTS / seconds };
}

async function main() {
  const topics = await createTestTopics();
  try {
    process.stderr.write(`backbone bench: ${EVENTS} events, ${WRITERS} concurrent writers, topics ${topics.prefix}*\n`);
    const latency = await latencyAtSteadyRate(topics.prefix);
    const throughput = await throughputOfBacklog(topics.prefix);
    const payload = JSON.stringify(offerAcceptedEvent(uuidv7()));
    const raw: RawFigures[] = [await rawKafkajs(testBrokers(), `${topics.prefix}rj.referral.v1`, EVENTS, payload)];
    raw.push(...rawJavaPerfTools(testBrokers(), `${topics.prefix}rj.outcome.v1`, EVENTS, payload.length));
    const row = (label: string, rate: number, p50?: number, p99?: number) =>
      `${label.padEnd(44)} ${rate.toFixed(0).padStart(9)} ev/s ${p50 === undefined || Number.isNaN(p50) ? '' : `p50 ${p50.toFixed(1)} ms  p99 ${p99?.toFixed(1)} ms`}`;
    console.log(`\n${'pipeline'.padEnd(44)} ${'rate'.padStart(14)}  latency`);
    console.log(row(`backbone latency at ${latency.offeredRate.toFixed(0)} ev/s (commit → applied)`, latency.offeredRate, latency.p50Ms, latency.p99Ms));
    console.log(row('backbone throughput (outbox → Kafka → inbox)', throughput.eventsPerSecond));
    for (const figures of raw) console.log(row(figures.label, figures.eventsPerSecond, figures.p50Ms, figures.p99Ms));
    console.log(`\nratio backbone / raw kafkajs produce→consume: ${(throughput.eventsPerSecond / raw[0].eventsPerSecond).toFixed(2)}`);
    console.log(`ratio backbone / Kafka ConsumerPerformance:    ${(throughput.eventsPerSecond / raw[2].eventsPerSecond).toFixed(3)}`);
  } finally {
    await topics.delete();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
