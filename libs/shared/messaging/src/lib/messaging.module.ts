import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  kafkaCheck,
  READINESS_CHECKS,
  SERVICE_CONFIG,
  SERVICE_TRANSPORT,
  type BaseServiceEnv,
} from '@rj/shared/service';
import type { EventConsumerOptions } from './event-consumer';
import { createKafka } from './kafka-client';
import { createMessagingLogger, type MessagingLogger } from './messaging-logger';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { watchMessagingTables } from './metrics/messaging-metrics';
import { ExactlyOnceTransport } from './transport/exactly-once.transport';

export interface MessagingModuleOptions {
  serviceName: string;
  /** The consumer group; defaults to the topic prefix (usually empty) and the service name. */
  groupId?: string;
  consumer?: Partial<Omit<EventConsumerOptions, 'kafka' | 'dataSource' | 'groupId' | 'subscriptions' | 'logger'>>;
  relay?: Partial<Omit<OutboxRelayOptions, 'kafka' | 'dataSource' | 'name' | 'logger'>>;
}

export const KAFKA = Symbol('rj:kafka');
export const MESSAGING_LOGGER = Symbol('rj:messaging-logger');
const OPTIONS = Symbol('rj:messaging-options');

/**
 * Starts the outbox relay with the app and stops it on shutdown (onModuleDestroy), before the
 * database pool closes (onApplicationShutdown): nothing is half-published. The consumer is the
 * ExactlyOnceTransport, which the bootstrap starts and stops (before this runs).
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  readonly relay: OutboxRelay;
  private readonly unwatch: (() => unknown)[] = [];

  constructor(
    @Inject(OPTIONS) options: MessagingModuleOptions,
    @Inject(SERVICE_CONFIG) config: BaseServiceEnv,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(MESSAGING_LOGGER) logger: MessagingLogger,
    dataSource: DataSource,
    private readonly transport: ExactlyOnceTransport,
  ) {
    const topicPrefix = config.KAFKA_TOPIC_PREFIX || undefined;
    this.unwatch.push(watchMessagingTables(dataSource));
    this.relay = new OutboxRelay({
      dataSource,
      kafka,
      logger,
      name: options.serviceName,
      topicPrefix,
      ...options.relay,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    // The bootstrap stopped the consumer already; this covers an app closed without it.
    await this.transport.close();
    await this.relay.stop();
    await Promise.all(this.unwatch.map((undo) => undo()));
  }
}

@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: MESSAGING_LOGGER,
          inject: [SERVICE_CONFIG],
          useFactory: (config: BaseServiceEnv) => createMessagingLogger(options.serviceName, config.LOG_LEVEL),
        },
        {
          provide: KAFKA,
          inject: [SERVICE_CONFIG, MESSAGING_LOGGER],
          useFactory: (config: BaseServiceEnv, logger: MessagingLogger) =>
            createKafka({
              brokers: config.KAFKA_BROKERS,
              clientId: config.KAFKA_CLIENT_ID ?? options.serviceName,
              logger,
            }),
        },
        {
          provide: ExactlyOnceTransport,
          inject: [SERVICE_CONFIG, KAFKA, MESSAGING_LOGGER, DataSource],
          useFactory: (config: BaseServiceEnv, kafka: Kafka, logger: MessagingLogger, dataSource: DataSource) =>
            new ExactlyOnceTransport({
              kafka,
              dataSource,
              logger,
              topicPrefix: config.KAFKA_TOPIC_PREFIX || undefined,
              fetchMaxBytes: config.KAFKA_FETCH_MAX_BYTES,
              fetchMinBytes: config.KAFKA_FETCH_MIN_BYTES,
              fetchMaxWaitMs: config.KAFKA_FETCH_MAX_WAIT_MS,
              maxEventsPerTransaction: config.CONSUMER_MAX_EVENTS_PER_TRANSACTION,
              topicWaitMaxMs: config.CONSUMER_TOPIC_WAIT_MAX_MS,
              // Environments sharing a cluster (and test runs sharing a broker) consume their own
              // prefixed topics: one group across them would rebalance them against each other and
              // could hand a member partitions of topics it never subscribed to.
              groupId: options.groupId ?? `${config.KAFKA_TOPIC_PREFIX}${options.serviceName}`,
              ...options.consumer,
            }),
        },
        // The bootstrap connects it as a hybrid microservice: @EventPattern handlers become its subscriptions.
        { provide: SERVICE_TRANSPORT, useExisting: ExactlyOnceTransport },
        MessagingLifecycle,
        {
          provide: READINESS_CHECKS,
          inject: [SERVICE_CONFIG],
          useFactory: (config: BaseServiceEnv) => [
            kafkaCheck(config.KAFKA_BROKERS, { clientId: `${options.serviceName}-ready` }),
          ],
        },
      ],
      exports: [KAFKA, MESSAGING_LOGGER, MessagingLifecycle, ExactlyOnceTransport, SERVICE_TRANSPORT],
    };
  }
}
