import {
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type InjectionToken,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { SERVICE_CONFIG, type BaseServiceEnv } from '@rj/shared/service';
import { BroadcastListener, forgetKeysOnErasure, type Broadcast } from './broadcast-listener';
import type { MessagingLogger } from './messaging-logger';
import { KAFKA, MESSAGING_LOGGER } from './messaging.module';

export interface BroadcastModuleOptions {
  serviceName: string;
  /** The service's consumer group when MessagingModule was given one; else prefix + name, as there. */
  groupId?: string;
  inject?: InjectionToken[];
  useFactory: (...deps: never[]) => Broadcast[];
}

const OPTIONS = Symbol('rj:broadcast-options');
const BROADCASTS = Symbol('rj:broadcasts');

/** Starts this replica's broadcast listener with the app and stops it on shutdown. */
@Injectable()
export class BroadcastLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  readonly listener: BroadcastListener;

  constructor(
    @Inject(OPTIONS) options: BroadcastModuleOptions,
    @Inject(SERVICE_CONFIG) config: BaseServiceEnv,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(MESSAGING_LOGGER) logger: MessagingLogger,
    @Inject(BROADCASTS) broadcasts: Broadcast[],
  ) {
    const baseGroupId = options.groupId ?? `${config.KAFKA_TOPIC_PREFIX}${options.serviceName}`;
    this.listener = new BroadcastListener({
      kafka,
      baseGroupId,
      broadcasts,
      logger,
      topicPrefix: config.KAFKA_TOPIC_PREFIX || undefined,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.listener.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.listener.stop();
  }
}

/**
 * In-memory reactions every replica of the service runs (see BroadcastListener). Needs
 * MessagingModule (global) for the Kafka client and the logger.
 */
@Module({})
export class BroadcastModule {
  static forRoot(options: BroadcastModuleOptions): DynamicModule {
    return {
      module: BroadcastModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: BROADCASTS,
          inject: options.inject ?? [],
          useFactory: (...deps: never[]) => options.useFactory(...deps),
        },
        BroadcastLifecycle,
      ],
      exports: [BroadcastLifecycle],
    };
  }

  /**
   * Every replica drops an erased referral's cached data key, not only the one that applies the
   * event: the broadcast of a service that decrypts personal data with `keyCache` (its KeyStoreClient).
   */
  static forgetKeysOnErasure(serviceName: string, keyCache: InjectionToken): DynamicModule {
    return BroadcastModule.forRoot({
      serviceName,
      inject: [keyCache],
      useFactory: (keys: { forget(keyId: string): void }) => [forgetKeysOnErasure(keys)],
    });
  }
}
