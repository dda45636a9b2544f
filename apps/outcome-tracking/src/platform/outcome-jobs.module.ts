import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { handleJob, JobRegistry, JobsModule, type JobRunnerOptions } from '@rj/shared/jobs';
import {
  createSmtpMailer,
  NotificationDeliveryProcessor,
  notificationJobHandlers,
  notificationJobs,
} from '@rj/shared/notifications';
import { KeyStoreClient } from '@rj/shared/pii';
import { Clock, SERVICE_CONFIG } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { outcomeScanJob } from '../scan/outcome-scan.job';
import { OutcomeScanService } from '../scan/outcome-scan.service';

/**
 * The job table: the scan and e-mail delivery. Handlers resolve their services when a job
 * runs (ModuleRef), since those services themselves enqueue through the runner.
 */
export const OutcomeJobsModule = JobsModule.forRootAsync({
  inject: [SERVICE_CONFIG, DataSource, ModuleRef, Clock],
  useFactory: (
    config: OutcomeTrackingEnv,
    dataSource: DataSource,
    moduleRef: ModuleRef,
    clock: Clock,
  ): JobRunnerOptions => {
    const keyStore = () => moduleRef.get(KeyStoreClient, { strict: false });
    // The harmed party's address is decrypted only now, at send time, and never stored plain.
    const processor = new NotificationDeliveryProcessor(
      dataSource,
      createSmtpMailer(config.SMTP_URL),
      (ciphertext) => keyStore().decrypt(ciphertext),
      // Quiet hours are checked again at send time, on the service's clock.
      { mailFrom: config.MAIL_FROM, now: () => clock.now() },
    );
    const registry = new JobRegistry(
      [outcomeScanJob, ...notificationJobs],
      [
        handleJob(outcomeScanJob, async () => void (await moduleRef.get(OutcomeScanService, { strict: false }).scan())),
        ...notificationJobHandlers(processor),
      ],
    );
    return { registry, redisUrl: config.REDIS_URL, prefix: config.JOBS_PREFIX };
  },
});
