import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { postgresCheck, READINESS_CHECKS, ServiceCoreModule } from '@rj/shared/service';
import type { AuditLedgerEnv } from './audit-ledger.env';

/** Wires audit-ledger: platform core, its database, the event backbone and its features. */
export function appModule(config: AuditLedgerEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'audit-ledger', config }),
      DatabaseModule.forRoot({ url: config.DATABASE_URL, entities: AUDIT_DATABASE.entities, migrations: AUDIT_DATABASE.migrations, applicationName: 'audit-ledger' }),
      MessagingModule.forRoot({ serviceName: 'audit-ledger' }),
    ],
    providers: [{ provide: READINESS_CHECKS, inject: [DataSource], useFactory: (dataSource: DataSource) => [postgresCheck(dataSource)] }],
  })
  class AppModule {}
  return AppModule;
}
