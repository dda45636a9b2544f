import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { handleJob, JobRegistry, JobRunner, JobsModule } from '@rj/shared/jobs';
import {
  createSmtpMailer,
  NotificationDeliveryProcessor,
  notificationJobHandlers,
  notificationJobs,
  NotificationService,
  type Mailer,
} from '@rj/shared/notifications';
import { keyIdOfCiphertext, type Ciphertext } from '@rj/shared/contracts';
import { decryptField } from '@rj/shared/pii';
import { InjectServiceConfig, SERVICE_CONFIG } from '@rj/shared/service';
import { KeyStore } from '../key-store/key-store';
import type { ReferralIntakeEnv } from '../referral-intake.env';
import { DEADLINE_SCAN_PAYLOAD, deadlineScanJob } from './deadline-scan.job';
import { DeadlineScanner } from './deadline-scanner';
import { intakeWebhookJob } from '../webhooks/office-webhooks.module';
import { WebhookDeliveryProcessor } from '@rj/shared/webhooks';

const MAILER = Symbol('rj:mailer');

/** The SMTP mailer, closed with the app. */
@Injectable()
class MailerLifecycle implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}
  onApplicationShutdown(): void {
    this.mailer.close();
  }
}

@Module({
  providers: [
    {
      provide: MAILER,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ReferralIntakeEnv) => createSmtpMailer(config.SMTP_URL),
    },
    MailerLifecycle,
  ],
  exports: [MAILER],
})
class MailerModule {}

/**
 * Registers the repeatable deadline scan at every start (architecture.md: a Redis loss loses
 * nothing) and runs the notification sweep that re-enqueues pending e-mails.
 */
@Injectable()
class DeadlineSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationService,
    @InjectServiceConfig() private readonly config: ReferralIntakeEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.registerRepeatable(deadlineScanJob, DEADLINE_SCAN_PAYLOAD, {
      everyMs: this.config.DEADLINE_SCAN_EVERY_MS,
    });
    await this.notifications.startSweep();
  }

  onApplicationShutdown(): void {
    this.notifications.stopSweep();
  }
}

/**
 * referral-intake's BullMQ jobs: the deadline scan, e-mail and webhook delivery, one registry.
 * The scan and webhook handlers find their services through the module ref when a job runs:
 * those need the notification service or the runner this factory builds.
 */
@Module({
  imports: [
    JobsModule.forRootAsync({
      imports: [MailerModule],
      inject: [SERVICE_CONFIG, DataSource, ModuleRef, MAILER, KeyStore],
      useFactory: (
        config: ReferralIntakeEnv,
        dataSource: DataSource,
        moduleRef: ModuleRef,
        mailer: Mailer,
        keys: KeyStore,
      ) => {
        // Intake mails staff only; should a participant's address ever be queued, it decrypts here.
        const decryptRecipient = async (ciphertext: string): Promise<string | null> => {
          const key = await keys.usableKey(dataSource.manager, keyIdOfCiphertext(ciphertext as Ciphertext));
          return key ? decryptField(ciphertext, key) : null;
        };
        const delivery = new NotificationDeliveryProcessor(dataSource, mailer, decryptRecipient, {
          mailFrom: config.MAIL_FROM,
        });
        const webhookJob = intakeWebhookJob(config);
        return {
          registry: new JobRegistry(
            [deadlineScanJob, ...notificationJobs, webhookJob],
            [
              handleJob(
                deadlineScanJob,
                async () => void (await moduleRef.get(DeadlineScanner, { strict: false }).scan()),
              ),
              ...notificationJobHandlers(delivery),
              handleJob(webhookJob, (payload, context) =>
                moduleRef.get(WebhookDeliveryProcessor, { strict: false }).deliver(payload, context),
              ),
            ],
          ),
          redisUrl: config.REDIS_URL,
          prefix: config.JOBS_PREFIX,
        };
      },
    }),
  ],
  providers: [
    {
      provide: NotificationService,
      inject: [DataSource, JobRunner],
      useFactory: (dataSource: DataSource, jobs: JobRunner) => new NotificationService(dataSource, jobs),
    },
    DeadlineScanner,
    DeadlineSchedule,
  ],
  exports: [DeadlineScanner],
})
export class DeadlineModule {}
