import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { kafkaCheck, READINESS_CHECKS, REDACT_PATHS, SERVICE_CONFIG, type BaseServiceEnv } from '@rj/shared/service';
import { EventConsumer, type EventConsumerOptions } from './event-consumer';
import { createKafka } from './kafka-client';
import type { MessagingLogger } from './messaging-logger';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { watchMessagingTables } from './metrics/messaging-metrics';
import { watchConsumerLag } from './metrics/consumer-lag';
import type { Subscription } from './subscription';

export interface MessagingModuleOptions {
  serviceName: string;
  /** The consumer group; defaults to the topic prefix (usually empty) and the service name. */
  groupId?: string;
  /** Modules whose exported providers the subscriptions factory injects (feature modules). */
  imports?: ModuleMetadata['imports'];
  /** The events this service consumes, built with its own providers injected. */
  subscriptions?: {
    inject?: InjectionToken[];
    useFactory: (...deps: never[]) => Subscription[] | Promise<Subscription[]>;
  };
  consumer?: Partial<Omit<EventConsumerOptions, 'kafka' | 'dataSource' | 'groupId' | 'subscriptions' | 'logger'>>;
  relay?: Partial<Omit<OutboxRelayOptions, 'kafka' | 'dataSource' | 'name' | 'logger'>>;
}

export const KAFKA = Symbol('rj:kafka');
export const MESSAGING_LOGGER = Symbol('rj:messaging-logger');
const OPTIONS = Symbol('rj:messaging-options');
const SUBSCRIPTIONS = Symbol('rj:subscriptions');

/**
 * Starts the outbox relay and the event consumer with the app and stops them first on
 * shutdown (onModuleDestroy), before the database pool closes (onApplicationShutdown):
 * an in-flight event's transaction finishes, and nothing is half-published.
 */
@Injectable()
export class MessagingLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  readonly relay: OutboxRelay;
  readonly consumer?: EventConsumer;
  private readonly unwatch: (() => unknown)[] = [];

  constructor(
    @Inject(OPTIONS) options: MessagingModuleOptions,
    @Inject(SERVICE_CONFIG) config: BaseServiceEnv,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(MESSAGING_LOGGER) logger: MessagingLogger,
    @Inject(SUBSCRIPTIONS) subscriptions: Subscription[],
    dataSource: DataSource,
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
    if (subscriptions.length) {
      this.consumer = new EventConsumer({
        kafka,
        dataSource,
        logger,
        topicPrefix,
        // Environments sharing a cluster (and test runs sharing a broker) consume their own
        // prefixed topics: one group across them would rebalance them against each other and
        // could hand a member partitions of topics it never subscribed to.
        groupId: options.groupId ?? `${config.KAFKA_TOPIC_PREFIX}${options.serviceName}`,
        subscriptions,
        ...options.consumer,
      });
      const groupId = options.groupId ?? `${config.KAFKA_TOPIC_PREFIX}${options.serviceName}`;
      const topics = [...new Set(subscriptions.map((s) => `${topicPrefix ?? ''}${s.event.topic}`))];
      this.unwatch.push(watchConsumerLag({ kafka, groupId, topics }));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
    await this.consumer?.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer?.stop();
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
      imports: options.imports ?? [],
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: MESSAGING_LOGGER,
          inject: [SERVICE_CONFIG],
          useFactory: (config: BaseServiceEnv) =>
            pino({
              name: options.serviceName,
              level: config.LOG_LEVEL,
              redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
            }),
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
          provide: SUBSCRIPTIONS,
          inject: options.subscriptions?.inject ?? [],
          useFactory: (...deps: never[]) => options.subscriptions?.useFactory(...deps) ?? [],
        },
        MessagingLifecycle,
        {
          provide: READINESS_CHECKS,
          inject: [SERVICE_CONFIG],
          useFactory: (config: BaseServiceEnv) => [
            kafkaCheck(config.KAFKA_BROKERS, { clientId: `${options.serviceName}-ready` }),
          ],
        },
      ],
      exports: [KAFKA, MESSAGING_LOGGER, MessagingLifecycle],
    };
  }
}
