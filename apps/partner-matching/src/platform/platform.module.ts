import { Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { handleJob, JobRegistry, JobRunner } from '@rj/shared/jobs';
import {
  createSmtpMailer,
  NotificationDeliveryProcessor,
  notificationJobHandlers,
  notificationJobs,
  NotificationService,
  type Mailer,
} from '@rj/shared/notifications';
import { READINESS_CHECKS, SERVICE_CONFIG } from '@rj/shared/service';
import { offerExpireJob } from '../offers/offer-expire.job';
import { OfferExpiryProcessor } from '../offers/offer-expiry.processor';
import { WebhookDeliveryProcessor } from '@rj/shared/webhooks';
import { partnerWebhookJob } from '../webhooks/partner-webhooks.module';
import type { PartnerMatchingEnv } from '../partner-matching.env';

const MAILER = Symbol('rj:mailer');

/** partner-matching mails only partners' staff addresses, never a participant's. */
async function refuseEncryptedRecipient(): Promise<string | null> {
  throw new Error('partner-matching sends no mail to participants');
}

/**
 * The job runner (offer expiry and e-mail delivery on BullMQ), the notification
 * service. Workers start with the runner; job
 * handlers reach the feature services through ModuleRef when a job runs, which keeps the runner
 * free of a dependency cycle (the services enqueue through the runner).
 */
@Global()
@Module({
  providers: [
    {
      provide: MAILER,
      inject: [SERVICE_CONFIG],
      useFactory: (config: PartnerMatchingEnv) => createSmtpMailer(config.SMTP_URL),
    },
    {
      provide: JobRunner,
      inject: [SERVICE_CONFIG, DataSource, MAILER, ModuleRef],
      useFactory: async (config: PartnerMatchingEnv, dataSource: DataSource, mailer: Mailer, moduleRef: ModuleRef) => {
        const delivery = new NotificationDeliveryProcessor(dataSource, mailer, refuseEncryptedRecipient, {
          mailFrom: config.MAIL_FROM,
        });
        const webhookJob = partnerWebhookJob(config);
        const registry = new JobRegistry(
          [...notificationJobs, offerExpireJob, webhookJob],
          [
            ...notificationJobHandlers(delivery),
            handleJob(offerExpireJob, (payload, context) =>
              moduleRef.get(OfferExpiryProcessor, { strict: false }).run(payload, context),
            ),
            handleJob(webhookJob, (payload, context) =>
              moduleRef.get(WebhookDeliveryProcessor, { strict: false }).deliver(payload, context),
            ),
          ],
        );
        const runner = new JobRunner({
          registry,
          redisUrl: config.REDIS_URL,
          prefix: config.JOBS_PREFIX,
          logger: new Logger('Jobs'),
        });
        await runner.start();
        return runner;
      },
    },
    {
      provide: NotificationService,
      inject: [DataSource, JobRunner],
      useFactory: (dataSource: DataSource, jobs: JobRunner) => new NotificationService(dataSource, jobs),
    },
    // Ready only while jobs can be added: Redis answers on the runner's own connection.
    { provide: READINESS_CHECKS, inject: [JobRunner], useFactory: (jobs: JobRunner) => [jobs.readinessCheck()] },
  ],
  exports: [JobRunner, NotificationService],
})
export class PlatformModule implements OnModuleDestroy, OnApplicationShutdown {
  constructor(
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationService,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Mails queued before a crash or a Redis loss go out now, and every minute after.
    await this.notifications.startSweep();
  }

  /** Workers finish the job in hand before the database pool closes (onApplicationShutdown). */
  async onModuleDestroy(): Promise<void> {
    this.notifications.stopSweep();
    await this.jobs.close();
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
