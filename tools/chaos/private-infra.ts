/**
 * A Kafka broker, a Redis and an SMTP sink of this run's own, on free ports: the fault run
 * kills and restarts them, so it must never use the machine's shared ones (9092, 6379).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { dlqTopicOf, ALL_TOPICS } from '@rj/shared/contracts';
import { startTestSmtpServer, type TestSmtpServer } from '@rj/shared/testing';
import { ensureTopics } from '../infra/topics';

// Plain CommonJS shared with the shell-facing infra scripts.
const { startKafka, stopKafka } = require('../infra/kafka');
const { freePort } = require('../infra/services');

const ROOT = path.resolve(__dirname, '../..');

export interface PrivateInfra {
  brokers: string[];
  redisUrl: string;
  smtp: TestSmtpServer;
  /** SIGKILL the broker and start it again on the same data: what it acknowledged must survive. */
  restartKafka(): Promise<void>;
  /** SIGKILL Redis and start an empty one on the same port: every job and lock is gone. */
  restartRedis(): Promise<void>;
  /** Messages in every `.dlq` topic (high watermarks summed). */
  dlqMessages(): Promise<Record<string, number>>;
  stop(): Promise<void>;
}

export async function startPrivateInfra(say: (line: string) => void = () => undefined): Promise<PrivateInfra> {
  const kafkaPort: number = await freePort();
  const controllerPort: number = await freePort();
  const redisPort: number = await freePort();
  const dataDir = path.join(ROOT, '.cache', `chaos-kafka-${randomBytes(4).toString('hex')}`);
  const brokers = [`127.0.0.1:${kafkaPort}`];
  let redis: ChildProcess | undefined;
  let smtp: TestSmtpServer | undefined;

  const startRedis = async () => {
    redis = spawn(
      'redis-server',
      ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const ownRedis = redis;
    process.once('exit', () => ownRedis.kill('SIGKILL')); // never outlives an interrupted run
    const Redis = require('ioredis');
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const client = new Redis(`redis://127.0.0.1:${redisPort}`, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => undefined); // not up yet: the loop tries again
      try {
        await client.connect();
        await client.ping();
        client.disconnect();
        return;
      } catch {
        client.disconnect();
        await sleep(100);
      }
    }
    throw new Error(`redis-server on ${redisPort} did not start`);
  };
  const killRedis = async () => {
    if (!redis || redis.exitCode !== null || redis.signalCode !== null) return;
    const exited = new Promise((resolve) => redis?.once('exit', resolve));
    redis.kill('SIGKILL');
    await exited;
  };

  const stop = async () => {
    await killRedis().catch(() => undefined);
    await smtp?.close().catch(() => undefined);
    await stopKafka({ port: kafkaPort, dataDir, signal: 'SIGKILL' }).catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    smtp = await startTestSmtpServer();
    await startRedis();
    say(`redis on ${redisPort}; starting Kafka on ${kafkaPort} (${dataDir})`);
    await startKafka({ port: kafkaPort, controllerPort, dataDir, heap: '384m' });
    await ensureTopics({ brokers, partitions: 3 });
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    brokers,
    redisUrl: `redis://127.0.0.1:${redisPort}`,
    smtp,
    restartKafka: async () => {
      await stopKafka({ port: kafkaPort, dataDir, signal: 'SIGKILL' });
      await startKafka({ port: kafkaPort, controllerPort, dataDir, heap: '384m' });
    },
    restartRedis: async () => {
      await killRedis();
      await startRedis();
    },
    dlqMessages: async () => {
      const admin = new Kafka({ clientId: 'rj-chaos-dlq', brokers, logLevel: logLevel.NOTHING }).admin();
      await admin.connect();
      try {
        const counts: Record<string, number> = {};
        for (const topic of ALL_TOPICS.map(dlqTopicOf)) {
          const offsets = await admin.fetchTopicOffsets(topic);
          counts[topic] = offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
        }
        return counts;
      } finally {
        await admin.disconnect();
      }
    },
    stop,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
