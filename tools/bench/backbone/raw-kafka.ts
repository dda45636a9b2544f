import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { stopIdleRequestQueueTimers } from '@rj/shared/kafka-admin';
// tools/infra/kafka.js is plain CommonJS shared with the shell-facing infra scripts.
const { LIBS, javaBinary } = require('../../infra/kafka');

export interface RawFigures {
  label: string;
  eventsPerSecond: number;
  p50Ms?: number;
  p99Ms?: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** kafkajs producer → kafkajs consumer on the same broker: the ceiling for this Node stack. */
export async function rawKafkajs(
  brokers: string[],
  topic: string,
  count: number,
  payload: string,
): Promise<RawFigures> {
  // The same kafkajs as the services run, without its idle 1 ms timer (kafka-admin).
  stopIdleRequestQueueTimers();
  const kafka = new Kafka({ clientId: 'bench-raw', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `bench-raw-${randomUUID()}`, sessionTimeout: 6000 });
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  const latencies: number[] = [];
  let first = 0;
  let last = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const message of batch.messages) latencies.push(now - Number(message.headers?.sent));
        last = now;
        if (latencies.length >= count) resolve();
      },
    });
  });
  await new Promise((r) => setTimeout(r, 1500)); // let the group form before timing
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  first = Date.now();
  for (let sent = 0; sent < count; sent += 100) {
    const now = String(Date.now());
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: Math.min(100, count - sent) }, (_, i) => ({
        key: `k${(sent + i) % 500}`,
        value: payload,
        headers: { sent: now },
      })),
    });
  }
  await done;
  await producer.disconnect();
  await consumer.disconnect();
  latencies.sort((a, b) => a - b);
  return {
    label: 'raw kafkajs produce→consume',
    eventsPerSecond: count / ((last - first) / 1000),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** Kafka's own ProducerPerformance and ConsumerPerformance, from the broker's jars. */
export function rawJavaPerfTools(brokers: string[], topic: string, count: number, recordSize: number): RawFigures[] {
  const java = javaBinary();
  const cp = `${LIBS}/*`;
  const produced = execFileSync(
    java,
    [
      '-Xmx256m',
      '-cp',
      cp,
      'org.apache.kafka.tools.ProducerPerformance',
      '--topic',
      topic,
      '--num-records',
      String(count),
      '--record-size',
      String(recordSize),
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${brokers.join(',')}`,
      'acks=all',
      'enable.idempotence=true',
    ],
    { encoding: 'utf8' },
  );
  const summary = produced.trim().split('\n').pop() ?? '';
  const perSecond = Number(/([\d.]+) records\/sec/.exec(summary)?.[1]);
  const p50 = Number(/([\d.]+) ms 50th/.exec(summary)?.[1]);
  const p99 = Number(/([\d.]+) ms 99th/.exec(summary)?.[1]);
  const consumed = execFileSync(
    java,
    [
      '-Xmx256m',
      '-cp',
      cp,
      'org.apache.kafka.tools.ConsumerPerformance',
      '--bootstrap-server',
      brokers.join(','),
      '--topic',
      topic,
      '--messages',
      String(count),
      '--group',
      `bench-java-${randomUUID()}`,
      '--timeout',
      '30000',
    ],
    { encoding: 'utf8' },
  );
  const lines = consumed.trim().split('\n');
  const header = lines.findIndex((l) => l.includes('nMsg.sec'));
  const columns = lines[header].split(',').map((c) => c.trim());
  const values = lines[header + 1].split(',').map((c) => c.trim());
  return [
    { label: 'Kafka ProducerPerformance (acks=all)', eventsPerSecond: perSecond, p50Ms: p50, p99Ms: p99 },
    { label: 'Kafka ConsumerPerformance', eventsPerSecond: Number(values[columns.indexOf('nMsg.sec')]) },
  ];
}
