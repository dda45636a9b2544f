import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { handleJob, JobRegistry, JobRunner } from '@rj/shared/jobs';
import {
  createSmtpMailer,
  NotificationDeliveryProcessor,
  NotificationService,
  notificationJobHandlers,
  notificationJobs,
  type Mailer,
} from '@rj/shared/notifications';
import { KeyStoreClient } from '@rj/shared/pii';
import { Clock, READINESS_CHECKS, SERVICE_CONFIG } from '@rj/shared/service';
import { parseReminderOffsets } from '@rj/scheduling/domain';
import type { MediationSchedulingEnv } from '../mediation-scheduling.env';
import { PracticeReminderSweep } from '../practitioners/practice-reminder-sweep';
import { ReminderPlanner } from './reminder-planner';
import { ReminderProcessor } from './reminder.processor';
import { ReminderSweep } from './reminder-sweep';
import { sessionReminderJob } from './session-reminder.job';

/**
 * The service's jobs in one registry: session reminders and the notification lib's delivery.
 * Built in one place because they depend on each other (a reminder queues an e-mail whose
 * delivery is a job of the same runner).
 */
@Injectable()
export class SchedulingJobs implements OnApplicationBootstrap, OnModuleDestroy {
  readonly runner: JobRunner;
  readonly notifications: NotificationService;
  readonly planner: ReminderPlanner;
  readonly sweep: ReminderSweep;
  /** Issue 22: expiring credentials and due supervision, e-mailed to the partner. */
  readonly practiceSweep: PracticeReminderSweep;
  private readonly mailer: Mailer;
  private readonly reminders: ReminderProcessor;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: MediationSchedulingEnv,
    clock: Clock,
    dataSource: DataSource,
    keyStore: KeyStoreClient,
  ) {
    const parsed = parseReminderOffsets(config.REMINDER_OFFSETS_MINUTES);
    if ('problem' in parsed) throw new Error(`REMINDER_OFFSETS_MINUTES ${parsed.problem}`);
    this.mailer = createSmtpMailer(config.SMTP_URL);
    // The address is decrypted at send time only, in the delivery job (never stored plain).
    const delivery = new NotificationDeliveryProcessor(
      dataSource,
      this.mailer,
      (ciphertext) => keyStore.decrypt(ciphertext),
      // Quiet hours on the service's clock, when queued and at send time, as outcome-tracking's.
      { mailFrom: config.MAIL_FROM, now: () => clock.now() },
    );
    const registry = new JobRegistry(
      [sessionReminderJob, ...notificationJobs],
      [
        handleJob(sessionReminderJob, (payload) => this.reminders.handle(payload)),
        ...notificationJobHandlers(delivery),
      ],
    );
    this.runner = new JobRunner({ registry, redisUrl: config.REDIS_URL, prefix: config.JOBS_PREFIX });
    this.notifications = new NotificationService(dataSource, this.runner, { now: () => clock.now() });
    this.reminders = new ReminderProcessor(dataSource, this.notifications, {
      clock,
      confirmationDays: config.SAFE_CHANNEL_CONFIRMATION_DAYS,
    });
    this.planner = new ReminderPlanner(this.runner, parsed.offsets);
    this.sweep = new ReminderSweep(dataSource, this.planner, clock);
    this.practiceSweep = new PracticeReminderSweep(dataSource, this.notifications, clock);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
    await this.notifications.startSweep(this.config.REMINDER_SWEEP_INTERVAL_MS);
    await this.sweep.start(this.config.REMINDER_SWEEP_INTERVAL_MS);
    await this.practiceSweep.start(this.config.REMINDER_SWEEP_INTERVAL_MS);
  }

  // Before the database pool closes (onApplicationShutdown): workers finish, then queues.
  async onModuleDestroy(): Promise<void> {
    this.sweep.stop();
    this.practiceSweep.stop();
    this.notifications.stopSweep();
    await this.runner.close();
    this.mailer.close();
  }
}

@Module({
  providers: [
    SchedulingJobs,
    // Ready only while reminders and mail can be queued: Redis answers on the runner's connection.
    {
      provide: READINESS_CHECKS,
      inject: [SchedulingJobs],
      useFactory: (jobs: SchedulingJobs) => [jobs.runner.readinessCheck()],
    },
  ],
  exports: [SchedulingJobs],
})
export class SchedulingJobsModule {}
