import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { postgresCheck, READINESS_CHECKS, ServiceCoreModule } from '@rj/shared/service';
import { IntakeCommonModule } from './common/intake-common.module';
import { DeadlineModule } from './deadline/deadline.module';
import { ReferralEventsModule } from './events/referral-events.module';
import { ReferralProgressHandler } from './events/referral-progress.handler';
import { KeyStoreModule } from './key-store/key-store.module';
import { OfficesController } from './offices/offices.controller';
import { OfficesService } from './offices/offices.service';
import { AccessLog } from './personal-data/access-log';
import { ErasureService } from './personal-data/erasure.service';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { ReferralCommandsService } from './referrals/referral-commands.service';
import { ReferralQueriesService } from './referrals/referral-queries.service';
import { ReferralsController } from './referrals/referrals.controller';
import { SubmitReferralService } from './referrals/submit-referral.service';
import type { ReferralIntakeEnv } from './referral-intake.env';
import { ScreeningPoliciesController } from './screening/screening-policies.controller';
import { ScreeningPoliciesService } from './screening/screening-policies.service';

/**
 * Wires referral-intake's public app: platform core, its database, the event backbone (it
 * consumes other services' progress), the key store, the deadline jobs and its HTTP API. The
 * key store's endpoint lives in internalModule, on its own listener.
 */
export function appModule(config: ReferralIntakeEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'referral-intake', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        entities: REFERRAL_DATABASE.entities,
        migrations: REFERRAL_DATABASE.migrations,
        applicationName: 'referral-intake',
        poolSize: config.DATABASE_POOL_SIZE,
      }),
      MessagingModule.forRoot({
        serviceName: 'referral-intake',
        imports: [ReferralEventsModule],
        subscriptions: { inject: [ReferralProgressHandler], useFactory: (handler: ReferralProgressHandler) => handler.subscriptions() },
      }),
      IntakeCommonModule,
      KeyStoreModule.forRoot(config.PII_MASTER_KEYS),
      DeadlineModule,
    ],
    controllers: [OfficesController, ReferralsController, PersonalDataController, ScreeningPoliciesController],
    providers: [
      { provide: READINESS_CHECKS, inject: [DataSource], useFactory: (dataSource: DataSource) => [postgresCheck(dataSource)] },
      AccessLog,
      OfficesService,
      ScreeningPoliciesService,
      SubmitReferralService,
      ReferralQueriesService,
      ReferralCommandsService,
      ErasureService,
    ],
  })
  // Reserved keys (`__proto__`, `toString`, ...) are refused for every service by the shared bootstrap.
  class AppModule {}
  return AppModule;
}
