import { Module } from '@nestjs/common';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import { PlatformModule } from './platform/platform.module';
import { DeadlineModule } from './deadline/deadline.module';
import { ReferralEventsModule } from './events/referral-events.module';
import { JurisdictionSettingsController } from './jurisdictions/jurisdiction-settings.controller';
import { JurisdictionSettingsService } from './jurisdictions/jurisdiction-settings.service';
import { KeyStoreModule } from './key-store/key-store.module';
import { OfficesController } from './offices/offices.controller';
import { OfficesService } from './offices/offices.service';
import { StaffTrainingController } from './offices/staff-training.controller';
import { StaffTrainingService } from './offices/staff-training.service';
import { AccessLog } from './personal-data/access-log';
import { ErasureService } from './personal-data/erasure.service';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { ReviewOverridesController } from './referrals/overrides/review-overrides.controller';
import { ReviewOverridesService } from './referrals/overrides/review-overrides.service';
import { ReferralImportsController } from './referrals/imports/referral-imports.controller';
import { ReferralImportsService } from './referrals/imports/referral-imports.service';
import { ReferralCommandsService } from './referrals/referral-commands.service';
import { ReferralListService } from './referrals/referral-list.service';
import { ReferralQueriesService } from './referrals/referral-queries.service';
import { ReferralsController } from './referrals/referrals.controller';
import { CaseNumberIndexer } from './referrals/search/case-number-index-key';
import { SubmissionContexts } from './referrals/submission-contexts';
import { SubmitReferralService } from './referrals/submit-referral.service';
import type { ReferralIntakeEnv } from './referral-intake.env';
import { ScreeningPoliciesController } from './screening/screening-policies.controller';
import { ScreeningPoliciesService } from './screening/screening-policies.service';
import { OfficeWebhooksModule } from './webhooks/office-webhooks.module';
import { WebhookEventsModule } from './webhooks/webhook-events.module';

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
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        entities: REFERRAL_DATABASE.entities,
        migrations: REFERRAL_DATABASE.migrations,
        applicationName: 'referral-intake',
        poolSize: config.DATABASE_POOL_SIZE,
      }),
      // Consumes through the @EventPattern controllers of these two modules (src/events, src/webhooks).
      ReferralEventsModule,
      WebhookEventsModule,
      MessagingModule.forRoot({ serviceName: 'referral-intake' }),
      PlatformModule,
      KeyStoreModule.forRoot(config.PII_MASTER_KEYS),
      DeadlineModule,
      OfficeWebhooksModule,
    ],
    controllers: [
      OfficesController,
      StaffTrainingController,
      ReferralImportsController,
      ReferralsController,
      ReviewOverridesController,
      PersonalDataController,
      ScreeningPoliciesController,
      JurisdictionSettingsController,
    ],
    providers: [
      POSTGRES_READINESS,
      AccessLog,
      OfficesService,
      StaffTrainingService,
      ScreeningPoliciesService,
      JurisdictionSettingsService,
      SubmissionContexts,
      SubmitReferralService,
      ReferralImportsService,
      ReferralQueriesService,
      ReferralListService,
      CaseNumberIndexer,
      ReviewOverridesService,
      ReferralCommandsService,
      ErasureService,
    ],
  })
  // Reserved keys (`__proto__`, `toString`, ...) are refused for every service by the shared bootstrap.
  class AppModule {}
  return AppModule;
}
