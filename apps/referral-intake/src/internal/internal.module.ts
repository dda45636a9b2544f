import { Module } from '@nestjs/common';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { DatabaseModule } from '@rj/shared/persistence';
import { POSTGRES_READINESS, ServiceCoreModule } from '@rj/shared/service';
import { KeyStoreModule } from '../key-store/key-store.module';
import { AccessLog } from '../personal-data/access-log';
import type { ReferralIntakeEnv } from '../referral-intake.env';
import { DataKeysController } from './data-keys.controller';

/**
 * The internal listener's app (INTERNAL_PORT, bound to INTERNAL_HOST): the key store's endpoint and nothing else, in
 * a Nest app of its own, so no route of it can be reached through the public port and a
 * network policy can keep it from the outside (architecture.md). Its own small pool.
 */
export function internalModule(config: ReferralIntakeEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'referral-intake', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
        entities: REFERRAL_DATABASE.entities,
        poolSize: 3,
        applicationName: 'referral-intake-keys',
      }),
      KeyStoreModule.forRoot(config.PII_MASTER_KEYS),
    ],
    controllers: [DataKeysController],
    providers: [AccessLog, POSTGRES_READINESS],
  })
  class InternalModule {}
  return InternalModule;
}
