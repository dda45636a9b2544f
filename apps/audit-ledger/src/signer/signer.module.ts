import { Module } from '@nestjs/common';
import { DatabaseModule } from '@rj/shared/persistence';
import { POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import { HeadSigner } from './head-signer.service';
import type { CheckpointSignerEnv } from './signer.env';
import { SigningController } from './signing.controller';

/**
 * The checkpoint signer's app: platform core (authentication, health, logs), a small pool as
 * the signer role, the signer and its one endpoint. No Kafka, no key store, no public API.
 */
export function signerModule(config: CheckpointSignerEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'audit-ledger-signer', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        poolSize: 3,
        applicationName: 'audit-ledger-signer',
      }),
    ],
    controllers: [SigningController],
    providers: [HeadSigner, POSTGRES_READINESS],
  })
  class SignerModule {}
  return SignerModule;
}
