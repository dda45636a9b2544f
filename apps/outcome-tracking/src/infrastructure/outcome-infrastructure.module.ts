import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { mintServiceToken } from '@rj/shared/auth';
import { JobRunner } from '@rj/shared/jobs';
import { NotificationService } from '@rj/shared/notifications';
import { KeyStoreClient } from '@rj/shared/pii';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { Clock } from './clock';

/** The clock, the key-store client and the notification service every feature shares. */
@Global()
@Module({
  providers: [
    Clock,
    {
      provide: KeyStoreClient,
      inject: [SERVICE_CONFIG],
      useFactory: (config: OutcomeTrackingEnv) =>
        new KeyStoreClient({
          baseUrl: config.PII_KEY_STORE_URL,
          serviceToken: () => config.SERVICE_TOKEN ?? mintServiceToken('outcome-tracking', config.AUTH_JWT_SECRET),
        }),
    },
    { provide: NotificationService, inject: [DataSource, JobRunner], useFactory: (ds: DataSource, jobs: JobRunner) => new NotificationService(ds, jobs) },
  ],
  exports: [Clock, KeyStoreClient, NotificationService],
})
export class OutcomeInfrastructureModule {}
