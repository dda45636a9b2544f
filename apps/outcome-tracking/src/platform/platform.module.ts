import { Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { serviceTokenSource } from '@rj/shared/auth';
import { JobRunner } from '@rj/shared/jobs';
import { NotificationService } from '@rj/shared/notifications';
import { KeyStoreClient } from '@rj/shared/pii';
import { Clock, SERVICE_CONFIG } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';

/** The key-store client and the notification service every feature shares (the Clock comes with ServiceCoreModule). */
@Global()
@Module({
  providers: [
    {
      provide: KeyStoreClient,
      inject: [SERVICE_CONFIG],
      // Called as outcome-tracking itself: client credentials at the identity provider, renewed
      // before expiry; in tests an HS256 token minted with the tests' secret.
      useFactory: (config: OutcomeTrackingEnv) =>
        new KeyStoreClient({
          baseUrl: config.PII_KEY_STORE_URL,
          serviceToken: serviceTokenSource({
            serviceName: 'outcome-tracking',
            nodeEnv: config.NODE_ENV,
            clientId: config.AUTH_CLIENT_ID,
            clientSecret: config.AUTH_CLIENT_SECRET,
            issuer: config.AUTH_ISSUER,
            tokenUrl: config.AUTH_TOKEN_URL,
            jwtSecret: config.AUTH_JWT_SECRET,
          }),
        }),
    },
    {
      provide: NotificationService,
      inject: [DataSource, JobRunner, Clock],
      // The service's clock decides quiet hours, so a test moves it rather than waiting for the night.
      useFactory: (ds: DataSource, jobs: JobRunner, clock: Clock) =>
        new NotificationService(ds, jobs, { now: () => clock.now() }),
    },
  ],
  exports: [KeyStoreClient, NotificationService],
})
export class PlatformModule {}
