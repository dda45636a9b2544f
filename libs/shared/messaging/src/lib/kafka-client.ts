import { Kafka, logLevel, type LogEntry } from 'kafkajs';
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

/** A kafkajs client whose own logs go through the service's pino logger. */
export function createKafka({ brokers, clientId, logger }: KafkaClientOptions): Kafka {
  return new Kafka({
    clientId,
    brokers,
    logLevel: logLevel.WARN,
    retry: { initialRetryTime: 200, retries: 10, maxRetryTime: 5000 },
    logCreator: () => (entry: LogEntry) => {
      const level = LEVEL_NAMES[entry.level] ?? 'info';
      const { message, ...rest } = entry.log;
      logger[level]({ kafka: entry.namespace, ...rest }, message);
    },
  });
}
