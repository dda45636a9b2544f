import { Module } from '@nestjs/common';
import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { MessagingModule } from '@rj/shared/messaging';
import { POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import type { AuditLedgerEnv } from './audit-ledger.env';
import { AuditReadRecorder } from './audit/audit-read.recorder';
import { AuditController } from './audit/audit.controller';
import { LedgerStreamPool } from './audit/ledger-stream-pool';
import { LedgerVerificationService } from './audit/ledger-verification.service';
import { OversightController } from './audit/oversight.controller';
import { VerificationRunner } from './audit/verification-runner.service';
import { VerificationsController } from './audit/verifications.controller';
import { CheckpointSigner } from './checkpoints/checkpoint-signer.service';
import { CheckpointsController } from './checkpoints/checkpoints.controller';
import { LedgerFeatureModule } from './ledger/ledger-feature.module';

/** Wires audit-ledger: platform core, its database, the event backbone and its features. */
export function appModule(config: AuditLedgerEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'audit-ledger', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        entities: AUDIT_DATABASE.entities,
        migrations: AUDIT_DATABASE.migrations,
        applicationName: 'audit-ledger',
      }),
      // Consumes every event through LedgerFeatureModule's @EventPattern controller.
      LedgerFeatureModule,
      MessagingModule.forRoot({ serviceName: 'audit-ledger' }),
    ],
    controllers: [AuditController, CheckpointsController, VerificationsController, OversightController],
    providers: [
      AuditReadRecorder,
      LedgerStreamPool,
      LedgerVerificationService,
      VerificationRunner,
      CheckpointSigner,
      POSTGRES_READINESS,
    ],
  })
  class AppModule {}
  return AppModule;
}
