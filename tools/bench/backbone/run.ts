/**
 * Backbone benchmark: commit-to-applied latency and throughput of outbox → Kafka → inbox
 * for N events (default 10,000), next to the raw produce→consume rate of the same broker
 * measured in the same run. Usage: npm run bench:backbone [-- --events 10000 --rate 250]
 * Latency is measured at a steady rate below saturation (a queue would otherwise measure
 * itself); throughput by draining the same number of events already in the outbox.
 */
import { uuidv7 } from '@rj/shared/contracts';
import { appendToOutbox } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { createTestTopics, testBrokers } from '@rj/shared/testing';
import { latencyAtSteadyRate, offerAcceptedEvent, pipeline, waitForAll } from './latency';
import { rawJavaPerfTools, rawKafkajs, type RawFigures } from './raw-kafka';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => Number(args[args.indexOf(`--${name}`) + 1] || fallback) || fallback;
const EVENTS = option('events', 10_000);
const WRITERS = option('writers', 8);
const RATE = option('rate', 250);

/** Throughput: the events already committed to the outbox; relay and consumer drain them. */
async function throughputOfBacklog(prefix: string) {
  const p = await pipeline(prefix, 'throughput', WRITERS);
  const referrals = Array.from({ length: 500 }, () => uuidv7());
  for (let i = 0; i < EVENTS; i += 100) {
    const events = Array.from({ length: Math.min(100, EVENTS - i) }, (_, j) =>
      offerAcceptedEvent(referrals[(i + j) % referrals.length]),
    );
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
    const latency = await latencyAtSteadyRate(topics.prefix, { events: EVENTS, rate: RATE });
    const throughput = await throughputOfBacklog(topics.prefix);
    const payload = JSON.stringify(offerAcceptedEvent(uuidv7()));
    const raw: RawFigures[] = [await rawKafkajs(testBrokers(), `${topics.prefix}rj.referral.v1`, EVENTS, payload)];
    raw.push(...rawJavaPerfTools(testBrokers(), `${topics.prefix}rj.outcome.v1`, EVENTS, payload.length));
    const row = (label: string, rate: number, p50?: number, p99?: number) =>
      `${label.padEnd(44)} ${rate.toFixed(0).padStart(9)} ev/s ${p50 === undefined || Number.isNaN(p50) ? '' : `p50 ${p50.toFixed(1)} ms  p99 ${p99?.toFixed(1)} ms`}`;
    console.log(`\n${'pipeline'.padEnd(44)} ${'rate'.padStart(14)}  latency`);
    console.log(
      row(
        `backbone latency at ${latency.offeredRate.toFixed(0)} ev/s (commit → applied)`,
        latency.offeredRate,
        latency.p50Ms,
        latency.p99Ms,
      ),
    );
    console.log(row('backbone throughput (outbox → Kafka → inbox)', throughput.eventsPerSecond));
    for (const figures of raw) console.log(row(figures.label, figures.eventsPerSecond, figures.p50Ms, figures.p99Ms));
    console.log(
      `\nratio backbone / raw kafkajs produce→consume: ${(throughput.eventsPerSecond / raw[0].eventsPerSecond).toFixed(2)}`,
    );
    console.log(
      `ratio backbone / Kafka ConsumerPerformance:    ${(throughput.eventsPerSecond / raw[2].eventsPerSecond).toFixed(3)}`,
    );
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
