import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { postgresCheck, READINESS_CHECKS, ServiceCoreModule } from '@rj/shared/service';
import { MatchingEventsHandler } from './events/matching-events.handler';
import { ReferralEventsHandler } from './events/referral-events.handler';
import { SchedulingEventsHandler } from './events/scheduling-events.handler';
import { OutcomeInfrastructureModule } from './infrastructure/outcome-infrastructure.module';
import { OutcomeJobsModule } from './infrastructure/outcome-jobs.module';
import { OutcomeFeatureModule } from './outcome-feature.module';
import type { OutcomeTrackingEnv } from './outcome-tracking.env';

/** Wires outcome-tracking: platform core, its database, jobs, the event backbone and its features. */
export function appModule(config: OutcomeTrackingEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'outcome-tracking', config }),
      DatabaseModule.forRoot({ url: config.DATABASE_URL, entities: OUTCOME_DATABASE.entities, migrations: OUTCOME_DATABASE.migrations, applicationName: 'outcome-tracking' }),
      OutcomeJobsModule,
      OutcomeInfrastructureModule,
      MessagingModule.forRoot({
        serviceName: 'outcome-tracking',
        imports: [OutcomeFeatureModule],
        subscriptions: {
          inject: [ReferralEventsHandler, MatchingEventsHandler, SchedulingEventsHandler],
          useFactory: (r: ReferralEventsHandler, m: MatchingEventsHandler, s: SchedulingEventsHandler) => [...r.subscriptions(), ...m.subscriptions(), ...s.subscriptions()],
        },
      }),
    ],
    providers: [{ provide: READINESS_CHECKS, inject: [DataSource], useFactory: (dataSource: DataSource) => [postgresCheck(dataSource)] }],
  })
  class AppModule {}
  return AppModule;
}
