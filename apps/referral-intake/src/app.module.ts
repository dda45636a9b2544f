import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { postgresCheck, READINESS_CHECKS, ServiceCoreModule } from '@rj/shared/service';
import type { ReferralIntakeEnv } from './referral-intake.env';

/** Wires referral-intake: platform core, its database, the event backbone and its features. */
export function appModule(config: ReferralIntakeEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'referral-intake', config }),
      DatabaseModule.forRoot({ url: config.DATABASE_URL, entities: REFERRAL_DATABASE.entities, migrations: REFERRAL_DATABASE.migrations, applicationName: 'referral-intake' }),
      MessagingModule.forRoot({ serviceName: 'referral-intake' }),
    ],
    providers: [{ provide: READINESS_CHECKS, inject: [DataSource], useFactory: (dataSource: DataSource) => [postgresCheck(dataSource)] }],
  })
  class AppModule {}
  return AppModule;
}
