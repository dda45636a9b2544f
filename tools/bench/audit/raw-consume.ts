import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createTopicsWithLeaders, stopIdleRequestQueueTimers } from '@rj/shared/kafka-admin';
// tools/infra/kafka.js is plain CommonJS shared with the shell-facing infra scripts.
const { LIBS, javaBinary } = require('../../infra/kafka');

export interface RawConsume {
  label: string;
  seconds: number;
  eventsPerSecond: number;
}

/**
 * Puts the file's lines (one event each) on a fresh 3-partition topic with kcat, then reads
 * them all back with Kafka's ConsumerPerformance and with kcat: the broker's raw consume
 * rate for exactly these events, without any application work. The topic is deleted after.
 */
export async function rawConsumeRates(brokers: string[], file: string, count: number): Promise<RawConsume[]> {
  const topic = `bench.audit.${randomUUID().slice(0, 8)}`;
  // The same kafkajs as the services run, without its idle 1 ms timer (kafka-admin).
  stopIdleRequestQueueTimers();
  const admin = new Kafka({ clientId: 'bench-audit', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await createTopicsWithLeaders(admin, [{ topic, numPartitions: 3, replicationFactor: 1 }]);
  try {
    execFileSync(
      'kcat',
      ['-P', '-b', brokers.join(','), '-t', topic, '-l', '-X', 'linger.ms=50', '-X', 'batch.num.messages=10000', file],
      { stdio: 'inherit' },
    );
    const cp = `${LIBS}/*`;
    const java = execFileSync(
      javaBinary(),
      [
        '-Xmx512m',
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
        `bench-audit-${randomUUID()}`,
        '--timeout',
        '60000',
      ],
      { encoding: 'utf8' },
    );
    const lines = java.trim().split('\n');
    const header = lines.findIndex((l) => l.includes('nMsg.sec'));
    const columns = lines[header].split(',').map((c) => c.trim());
    const values = lines[header + 1].split(',').map((c) => c.trim());
    const javaRate = Number(values[columns.indexOf('nMsg.sec')]);
    const started = performance.now();
    execFileSync(
      'kcat',
      ['-C', '-b', brokers.join(','), '-t', topic, '-o', 'beginning', '-e', '-q', '-c', String(count)],
      { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 },
    );
    const kcatSeconds = (performance.now() - started) / 1000;
    return [
      { label: 'raw: Kafka ConsumerPerformance', seconds: count / javaRate, eventsPerSecond: javaRate },
      { label: 'raw: kcat -C (to /dev/null)', seconds: kcatSeconds, eventsPerSecond: count / kcatSeconds },
    ];
  } finally {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
}
