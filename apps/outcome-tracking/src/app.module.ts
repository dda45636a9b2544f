import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { BroadcastModule, MessagingModule } from '@rj/shared/messaging';
import { KeyStoreClient } from '@rj/shared/pii';
import { IdempotencyInterceptor, POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import { MatchingEventsHandler } from './events/matching-events.handler';
import { ReferralEventsHandler } from './events/referral-events.handler';
import { SchedulingEventsHandler } from './events/scheduling-events.handler';
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
        entities: OUTCOME_DATABASE.entities,
        migrations: OUTCOME_DATABASE.migrations,
        applicationName: 'outcome-tracking',
      }),
      OutcomeJobsModule,
      PlatformModule,
      MessagingModule.forRoot({
        serviceName: 'outcome-tracking',
        imports: [OutcomeFeatureModule],
        subscriptions: {
          inject: [ReferralEventsHandler, MatchingEventsHandler, SchedulingEventsHandler],
          useFactory: (r: ReferralEventsHandler, m: MatchingEventsHandler, s: SchedulingEventsHandler) => [
            ...r.subscriptions(),
            ...m.subscriptions(),
            ...s.subscriptions(),
          ],
        },
      }),
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
