import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { SCHEDULING_DATABASE } from '@rj/scheduling/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { BroadcastModule, MessagingModule } from '@rj/shared/messaging';
import { KeyStoreClient } from '@rj/shared/pii';
import { IdempotencyInterceptor, POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import type { MediationSchedulingEnv } from './mediation-scheduling.env';
import { PlatformModule } from './platform/platform.module';
import { SchedulingFeatureModule } from './scheduling-feature.module';

/** Wires mediation-scheduling: platform core, its database, the event backbone and its features. */
export function appModule(config: MediationSchedulingEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'mediation-scheduling', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        entities: SCHEDULING_DATABASE.entities,
        migrations: SCHEDULING_DATABASE.migrations,
        applicationName: 'mediation-scheduling',
      }),
      PlatformModule,
      SchedulingFeatureModule,
      // Consumes through the @EventPattern controllers of SchedulingFeatureModule (src/events).
      MessagingModule.forRoot({ serviceName: 'mediation-scheduling' }),
      BroadcastModule.forgetKeysOnErasure('mediation-scheduling', KeyStoreClient),
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
