import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SCHEDULING_DATABASE } from '@rj/scheduling/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { postgresCheck, READINESS_CHECKS, ServiceCoreModule } from '@rj/shared/service';
import type { MediationSchedulingEnv } from './mediation-scheduling.env';

/** Wires mediation-scheduling: platform core, its database, the event backbone and its features. */
export function appModule(config: MediationSchedulingEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'mediation-scheduling', config }),
      DatabaseModule.forRoot({ url: config.DATABASE_URL, entities: SCHEDULING_DATABASE.entities, migrations: SCHEDULING_DATABASE.migrations, applicationName: 'mediation-scheduling' }),
      MessagingModule.forRoot({ serviceName: 'mediation-scheduling' }),
    ],
    providers: [{ provide: READINESS_CHECKS, inject: [DataSource], useFactory: (dataSource: DataSource) => [postgresCheck(dataSource)] }],
  })
  class AppModule {}
  return AppModule;
}
