import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { BroadcastModule, MessagingModule } from '@rj/shared/messaging';
import { KeyStoreClient } from '@rj/shared/pii';
import { IdempotencyInterceptor, POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import { PlatformModule } from './platform/platform.module';
import { OutcomeJobsModule } from './platform/outcome-jobs.module';
import { OutcomeFeatureModule } from './outcome-feature.module';
import type { OutcomeTrackingEnv } from './outcome-tracking.env';

/** Wires outcome-tracking: platform core, its database, jobs, the event backbone and its features. */
export function appModule(config: OutcomeTrackingEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'outcome-tracking', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        entities: OUTCOME_DATABASE.entities,
        migrations: OUTCOME_DATABASE.migrations,
        applicationName: 'outcome-tracking',
      }),
      OutcomeJobsModule,
      PlatformModule,
      OutcomeFeatureModule,
      // Consumes through the @EventPattern controllers of OutcomeFeatureModule (src/events).
      MessagingModule.forRoot({ serviceName: 'outcome-tracking' }),
      BroadcastModule.forgetKeysOnErasure('outcome-tracking', KeyStoreClient),
    ],
    providers: [
      POSTGRES_READINESS,
      // Every create of every controller, present and future, honours Idempotency-Key.
      { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    ],
  })
  class AppModule {}
  return AppModule;
}
