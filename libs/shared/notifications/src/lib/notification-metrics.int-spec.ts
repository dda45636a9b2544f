import { JobRegistry, JobRunner } from '@rj/shared/jobs';
import { serviceMetrics } from '@rj/shared/service';
import { eventually, startTestSmtpServer, type TestSmtpServer } from '@rj/shared/testing';
import type { DataSource } from 'typeorm';
import { deleteKeysWithPrefix, REDIS_URL, uniqueJobPrefix } from '../test/redis-prefix';
import { createScratchDatabase } from '../test/scratch-database';
import { NotificationDeliveryProcessor } from './notification-delivery.processor';
import { notificationJobHandlers, notificationJobs } from './notification-jobs';
import { NotificationEntity } from './notification.entity';
import { NotificationService } from './notification.service';
import { createSmtpMailer, type Mailer } from './smtp-mailer';

const quietLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const metric = serviceMetrics().registry.getSingleMetric(name);
  if (!metric) throw new Error(`${name} is not registered`);
  const { values } = await metric.get();
  return values
    .filter((v) => Object.entries(labels).every(([key, value]) => String(v.labels[key]) === value))
    .reduce((sum, v) => sum + v.value, 0);
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  await eventually(async () => (await check()) || undefined, timeoutMs, what);
}

describe('e-mail and queue metrics over real SMTP, Redis and Postgres', () => {
  const prefix = uniqueJobPrefix('notification-metrics');
  let dataSource: DataSource;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let runner: JobRunner;
  let service: NotificationService;

  beforeAll(async () => {
    dataSource = await createScratchDatabase('rj_test_notification_metrics');
    smtp = await startTestSmtpServer();
    mailer = createSmtpMailer(smtp.url);
    const processor = new NotificationDeliveryProcessor(dataSource, mailer, async (value) => value, {
      mailFrom: 'noreply@rj.example',
    });
    runner = new JobRunner({
      registry: new JobRegistry(notificationJobs, notificationJobHandlers(processor)),
      redisUrl: REDIS_URL,
      prefix,
      logger: quietLogger,
    });
    await runner.start();
    service = new NotificationService(dataSource, runner, { logger: quietLogger });
  });

  afterAll(async () => {
    await runner?.close();
    mailer?.close();
    await smtp?.close();
    await dataSource?.destroy();
    await deleteKeysWithPrefix(prefix);
  });

  const status = async (id: string) =>
    (await dataSource.getRepository(NotificationEntity).findOneByOrFail({ id })).status;

  async function queue(to: string): Promise<string> {
    const id = await dataSource.transaction((manager) =>
      service.queueEmail(manager, { kind: 'offer.expired', to, subject: 'Offer expired', body: 'b' }),
    );
    await service.enqueue(id);
    return id;
  }

  it('counts a sent e-mail', async () => {
    const before = await sample('rj_emails_sent_total');
    const id = await queue('office@rj.example');
    await until(async () => (await status(id)) === 'sent', 'the e-mail to be sent');
    expect(await sample('rj_emails_sent_total')).toBe(before + 1);
  });

  it('with SMTP down, counts the failed attempt by reason code and shows the retry as a delayed job', async () => {
    const before = await sample('rj_emails_failed_total', { final: 'false' });
    const port = smtp.port;
    await smtp.close();
    const id = await queue('retry@rj.example');
    await until(
      async () => (await sample('rj_emails_failed_total', { final: 'false' })) === before + 1,
      'the failure to be counted',
    );
    const { values } = await serviceMetrics().registry.getSingleMetric('rj_emails_failed_total')!.get();
    // A code, never the address or the server's reply.
    expect(values.map((v) => String(v.labels.reason))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^E[A-Z]+$/)]),
    );
    expect(JSON.stringify(values)).not.toContain('retry@rj.example');
    await until(
      async () => (await sample('rj_job_queue_jobs', { queue: 'notifications', state: 'delayed' })) === 1,
      'the retry to wait as a delayed job',
    );
    smtp = await startTestSmtpServer({ port });
    await until(async () => (await status(id)) === 'sent', 'the retry to deliver', 30_000);
    expect(await sample('rj_job_queue_jobs', { queue: 'notifications', state: 'delayed' })).toBe(0);
  });
});
