import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MATCHING_DATABASE } from '@rj/matching/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { postgresCheck, READINESS_CHECKS, ServiceCoreModule } from '@rj/shared/service';
import type { PartnerMatchingEnv } from './partner-matching.env';

/** Wires partner-matching: platform core, its database, the event backbone and its features. */
export function appModule(config: PartnerMatchingEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'partner-matching', config }),
      DatabaseModule.forRoot({ url: config.DATABASE_URL, entities: MATCHING_DATABASE.entities, migrations: MATCHING_DATABASE.migrations, applicationName: 'partner-matching' }),
      MessagingModule.forRoot({ serviceName: 'partner-matching' }),
    ],
    providers: [{ provide: READINESS_CHECKS, inject: [DataSource], useFactory: (dataSource: DataSource) => [postgresCheck(dataSource)] }],
  })
  class AppModule {}
  return AppModule;
}
