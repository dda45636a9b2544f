import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MATCHING_DATABASE } from '@rj/matching/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { IdempotencyInterceptor, POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import { PlatformModule } from './platform/platform.module';
import { MatchingFeatureModule } from './matching-feature.module';
import type { PartnerMatchingEnv } from './partner-matching.env';
import { PartnerWebhooksModule } from './webhooks/partner-webhooks.module';

/** Wires partner-matching: platform core, its database, jobs and mail, its features and the event backbone. */
export function appModule(config: PartnerMatchingEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'partner-matching', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        entities: MATCHING_DATABASE.entities,
        migrations: MATCHING_DATABASE.migrations,
        applicationName: 'partner-matching',
      }),
      PlatformModule,
      MatchingFeatureModule,
      PartnerWebhooksModule,
      MessagingModule.forRoot({
        serviceName: 'partner-matching',
        // Environments that share a cluster through a topic prefix must not share a consumer
        // group either: one group spanning them rebalances whenever any of them starts or stops.
        groupId: `${config.KAFKA_TOPIC_PREFIX}partner-matching`,
        // The events it consumes are the @EventPattern controllers of its feature modules (src/events).
      }),
    ],
    providers: [
      // Every POST honours Idempotency-Key through the platform's one store, as in every service.
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      POSTGRES_READINESS,
    ],
  })
  class AppModule {}
  return AppModule;
}
