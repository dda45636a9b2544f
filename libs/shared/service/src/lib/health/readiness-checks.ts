import type { Redis } from 'ioredis';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { kafkaSecurity } from '../config/kafka-security';
import { stopIdleRequestQueueTimers } from '@rj/shared/kafka-admin';
import type { Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { READINESS_CHECKS, withTimeout, type ReadinessCheck } from './readiness-check';

/** Postgres answers a trivial query through the app's own pool. */
export function postgresCheck(
  dataSource: Pick<DataSource, 'query' | 'isInitialized'>,
  name = 'postgres',
): ReadinessCheck {
  return {
    name,
    async check() {
      if (!dataSource.isInitialized) throw new Error('the data source is not initialised');
      await dataSource.query('SELECT 1');
    },
  };
}

/** The readiness of a module whose one dependency is the app's Postgres pool. */
export const POSTGRES_READINESS: Provider = {
  provide: READINESS_CHECKS,
  inject: [DataSource],
  useFactory: (dataSource: DataSource) => [postgresCheck(dataSource)],
};

/** Redis answers PING on the app's own connection. */
export function redisCheck(client: Pick<Redis, 'ping'>, name = 'redis'): ReadinessCheck {
  return {
    name,
    async check() {
      await client.ping();
    },
  };
}

export interface KafkaCheckOptions {
  clientId?: string;
  timeoutMs?: number;
  name?: string;
}

/**
 * The Kafka cluster describes itself within 2 s. The admin client stays connected between
 * probes (connecting on every probe would cost more than the probe); after a failure it is
 * dropped and the next probe connects afresh.
 */
export function kafkaCheck(brokers: string[], options: KafkaCheckOptions = {}): ReadinessCheck {
  const timeoutMs = options.timeoutMs ?? 2000;
  let admin: Promise<Admin> | undefined;
  const connect = (): Promise<Admin> =>
    (admin ??= (async () => {
      // The admin stays connected between probes: its idle connection must not spin a timer.
      stopIdleRequestQueueTimers();
      const kafka = new Kafka({
        clientId: options.clientId ?? 'readiness',
        brokers,
        logLevel: logLevel.NOTHING,
        connectionTimeout: timeoutMs,
        requestTimeout: timeoutMs,
        retry: { retries: 0 },
        ...kafkaSecurity(),
      });
      const client = kafka.admin({ retry: { retries: 0 } });
      await client.connect();
      return client;
    })());
  const drop = async (): Promise<void> => {
    const current = admin;
    admin = undefined;
    await current?.then((client) => client.disconnect()).catch(() => undefined);
  };
  return {
    name: options.name ?? 'kafka',
    async check() {
      try {
        await withTimeout(
          connect().then((client) => client.describeCluster()),
          timeoutMs,
          'kafka',
        );
      } catch (error) {
        await drop();
        throw error;
      }
    },
    close: drop,
  };
}
