import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { stopIdleRequestQueueTimers } from '@rj/shared/kafka-admin';
import { kafkaSecurity } from '@rj/shared/service';
import type { MessagingLogger } from './messaging-logger';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: MessagingLogger;
}

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * kafkajs logs the broker's answers to heartbeats during a rebalance as errors, but a
 * rebalance is routine (a consumer joined or left): logging it as an error would page
 * someone for nothing.
 */
function isRoutineRebalance(entry: LogEntry): boolean {
  const error = String((entry.log as { error?: unknown }).error ?? '');
  return entry.namespace === 'Connection' && /rebalanc|not aware of this member|generation/i.test(error);
}

/** A kafkajs client whose own logs go through the service's pino logger. */
export function createKafka({ brokers, clientId, logger }: KafkaClientOptions): Kafka {
  // Idle connections would otherwise each wake the process every millisecond.
  stopIdleRequestQueueTimers();
  return new Kafka({
    clientId,
    brokers,
    // TLS and SCRAM where the brokers require them (k8s); nothing locally.
    ...kafkaSecurity(),
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5000 },
    logCreator: () => (entry: LogEntry) => {
      const level = isRoutineRebalance(entry) ? 'debug' : (LEVEL_NAMES[entry.level] ?? 'info');
      const { message, ...rest } = entry.log;
      logger[level]({ kafka: entry.namespace, ...rest }, message);
    },
  });
}
