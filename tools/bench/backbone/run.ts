/**
 * Backbone benchmark: commit-to-applied latency and throughput of outbox → Kafka → inbox
 * for N events (default 10,000), next to the raw produce→consume rate of the same broker
 * measured in the same run. Usage: npm run bench:backbone [-- --events 10000 --writers 8]
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { OfferAccepted, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { appendToOutbox, createKafka, CreateMessagingTables1764100000000, EventConsumer, on, OutboxRelay } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { createScratchDatabase, createTestTopics, testBrokers } from '@rj/shared/testing';
import { percentile, rawJavaPerfTools, rawKafkajs, type RawFigures } from './raw-kafka';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] || fallback) || fallback;
const EVENTS = option('events', 10_000);
const WRITERS = option('writers', 8);

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

async function backbone(prefix: string) {
  const logger = pino({ level: 'warn' });
  const producerDb = await createScratchDatabase('bench_producer', { migrations: [CreateMessagingTables1764100000000], poolSize: WRITERS + 2 });
  const consumerDb = await createScratchDatabase('bench_consumer', { migrations: [CreateMessagingTables1764100000000, BenchTables1764100000002], poolSize: 6 });
  const committedAt = new Map<string, number>();
  const latencies: number[] = [];
  let lastApplied = 0;
  let resolveAll: () => void = () => undefined;
  const allApplied = new Promise<void>((resolve) => (resolveAll = resolve));
  const relay = new OutboxRelay({ dataSource: producerDb.dataSource, kafka: createKafka({ brokers: testBrokers(), clientId: 'bench-relay', logger }), logger, name: 'bench', topicPrefix: prefix, pollIntervalMs: 500 });
  const consumer = new EventConsumer({
    kafka: createKafka({ brokers: testBrokers(), clientId: 'bench-consumer', logger }),
    dataSource: consumerDb.dataSource,
    groupId: `bench-${randomUUID()}`,
    topicPrefix: prefix,
    logger,
    subscriptions: [
      on(OfferAccepted, async (event, { manager }) => {
        await manager.query('insert into applied (event_id) values ($1)', [event.id]);
        // Measured when the handler runs; its transaction commits right after.
        const now = Date.now();
        const committed = committedAt.get(event.id);
        if (committed !== undefined) latencies.push(now - committed);
        lastApplied = now;
        if (latencies.length >= EVENTS) resolveAll();
      }),
    ],
  });
  await relay.start();
  await consumer.start();
  await new Promise((r) => setTimeout(r, 2000)); // group formed, partitions assigned

  const referrals = Array.from({ length: 500 }, () => uuidv7());
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < EVENTS) {
        const event = offerAcceptedEvent(referrals[next++ % referrals.length]);
        await withTransaction(producerDb.dataSource, (manager) => appendToOutbox(manager, event));
        committedAt.set(event.id, Date.now());
      }
    }),
  );
  const commitSeconds = (Date.now() - started) / 1000;
  await allApplied;
  const seconds = (lastApplied - started) / 1000;
  await consumer.stop();
  await relay.stop();
  await producerDb.drop();
  await consumerDb.drop();
  latencies.sort((a, b) => a - b);
  return { eventsPerSecond: EVENTS / seconds, commitRate: EVENTS / commitSeconds, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99) };
}

async function main() {
  const topics = await createTestTopics();
  try {
    process.stderr.write(`backbone bench: ${EVENTS} events, ${WRITERS} concurrent writers, topics ${topics.prefix}*\n`);
    const pipeline = await backbone(topics.prefix);
    const payload = JSON.stringify(offerAcceptedEvent(uuidv7()));
    const raw: RawFigures[] = [await rawKafkajs(testBrokers(), `${topics.prefix}rj.referral.v1`, EVENTS, payload)];
    raw.push(...rawJavaPerfTools(testBrokers(), `${topics.prefix}rj.outcome.v1`, EVENTS, payload.length));
    const row = (label: string, rate: number, p50?: number, p99?: number) =>
      `${label.padEnd(44)} ${rate.toFixed(0).padStart(9)} ev/s ${p50 === undefined || Number.isNaN(p50) ? '' : `p50 ${p50.toFixed(1)} ms  p99 ${p99?.toFixed(1)} ms`}`;
    console.log(`\n${'pipeline'.padEnd(44)} ${'rate'.padStart(14)}  latency`);
    console.log(row('outbox → Kafka → inbox (commit → applied)', pipeline.eventsPerSecond, pipeline.p50Ms, pipeline.p99Ms));
    console.log(row('  of which: producer commit rate', pipeline.commitRate));
    for (const figures of raw) console.log(row(figures.label, figures.eventsPerSecond, figures.p50Ms, figures.p99Ms));
    console.log(`\nratio backbone / raw kafkajs produce→consume: ${(pipeline.eventsPerSecond / raw[0].eventsPerSecond).toFixed(2)}`);
    console.log(`ratio backbone / Kafka ConsumerPerformance:    ${(pipeline.eventsPerSecond / raw[2].eventsPerSecond).toFixed(3)}`);
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
