import { JobRegistry, JobRunner } from '@rj/shared/jobs';
import { eventually, startTestSmtpServer, type TestSmtpServer } from '@rj/shared/testing';
import type { DataSource } from 'typeorm';
import { deleteKeysWithPrefix, REDIS_URL, uniqueJobPrefix } from '../test/redis-prefix';
import { createScratchDatabase } from '../test/scratch-database';
import { notificationDeliverJob } from './notification-deliver.job';
import { NotificationDeliveryProcessor } from './notification-delivery.processor';
import { notificationJobHandlers, notificationJobs } from './notification-jobs';
import { NotificationEntity } from './notification.entity';
import { NotificationService, type QueueEmailInput } from './notification.service';
import { localClockOf } from './local-time';
import { isQuietHour, sendableFrom } from './quiet-hours';
import { safeEmailOf } from './safe-channels';
import { createSmtpMailer, type Mailer } from './smtp-mailer';

const MAIL_FROM = 'Restorative justice <noreply@rj.example>';
const REFERRAL = '0b7e6d9c-1f2a-4b3c-8d4e-5f6a7b8c9d0e';
const ciphertext = (tag: string) => `pii:1:6f1c2a4e-8d3b-4c5a-9e7f-0a1b2c3d4e5f:${tag.padEnd(40, 'A')}`;
const SAMIRA = ciphertext('samira');
const ERASED = ciphertext('erased');
const quietLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };

describe('e-mail notifications through BullMQ and SMTP', () => {
  const prefix = uniqueJobPrefix('notifications');
  let dataSource: DataSource;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let runner: JobRunner;
  let service: NotificationService;
  const decryptCalls: string[] = [];

  // Stands in for the key store: the erased referral's key is gone.
  async function decryptRecipient(value: string, referralId: string): Promise<string | null> {
    decryptCalls.push(`${referralId}/${value}`);
    return value === SAMIRA ? 'samira@mail.example' : null;
  }

  const row = (id: string) => dataSource.getRepository(NotificationEntity).findOneByOrFail({ id });

  async function queueAndEnqueue(input: QueueEmailInput): Promise<string> {
    const id = await dataSource.transaction((manager) => service.queueEmail(manager, input));
    await service.enqueue(id);
    return id;
  }

  beforeAll(async () => {
    dataSource = await createScratchDatabase('rj_test_notifications');
    smtp = await startTestSmtpServer();
    mailer = createSmtpMailer(smtp.url);
    const processor = new NotificationDeliveryProcessor(dataSource, mailer, decryptRecipient, { mailFrom: MAIL_FROM });
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
    service?.stopSweep();
    await runner?.close();
    mailer?.close();
    await smtp?.close();
    await dataSource?.destroy();
    await deleteKeysWithPrefix(prefix);
  });

  it('delivers a queued staff e-mail with its subject to its recipient, and marks it sent', async () => {
    const id = await queueAndEnqueue({
      kind: 'offer.expired',
      to: 'office@rj.example',
      referralId: REFERRAL,
      subject: 'Offer für 12 März expired',
      body: 'Please choose another partner.',
    });
    const mail = await smtp.waitFor((m) => m.to.includes('office@rj.example'));
    expect(mail).toMatchObject({
      from: 'noreply@rj.example',
      subject: 'Offer für 12 März expired',
      text: 'Please choose another partner.',
    });
    await eventually(async () => (await row(id)).status === 'sent');
    expect(await row(id)).toMatchObject({ attempts: 1, lastError: null, sentAt: expect.any(Date) });
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    let id = '';
    await expect(
      dataSource.transaction(async (manager) => {
        id = await service.queueEmail(manager, { kind: 'k', to: 'office@rj.example', subject: 's', body: 'b' });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await dataSource.getRepository(NotificationEntity).findOneBy({ id })).toBeNull();
  });

  it('decrypts a participant’s address through the injected function before sending', async () => {
    const id = await queueAndEnqueue({
      kind: 'session.reminder',
      to: SAMIRA,
      encrypted: true,
      referralId: REFERRAL,
      subject: 'Your session on 12 March',
      body: 'At 10:00.',
    });
    const mail = await smtp.waitFor((m) => m.to.includes('samira@mail.example'));
    expect(mail.subject).toBe('Your session on 12 March');
    expect(decryptCalls).toContain(`${REFERRAL}/${SAMIRA}`);
    await eventually(async () => (await row(id)).status === 'sent');
    // the table keeps the ciphertext, never the address
    expect((await row(id)).recipient).toBe(SAMIRA);
  });

  it("sends a participant's mail under a neutral sender name, never MAIL_FROM's, and replaces a subject that says what it is about", async () => {
    await queueAndEnqueue({
      kind: 'session.reminder',
      to: SAMIRA,
      encrypted: true,
      referralId: REFERRAL,
      subject: 'Your meeting on 13 March',
      body: 'At 10:00.',
      senderName: 'Restorative Justice North',
    });
    const mail = await smtp.waitFor((m) => m.subject === 'Your meeting on 13 March');
    expect(mail.headers['from']).toMatch(/^"?Appointments"? <noreply@rj.example>$/);
    await queueAndEnqueue({
      kind: 'session.reminder',
      to: SAMIRA,
      encrypted: true,
      referralId: REFERRAL,
      subject: 'Your meeting on 14 March',
      body: 'At 10:00.',
      senderName: 'De Brug',
    });
    expect((await smtp.waitFor((m) => m.subject === 'Your meeting on 14 March')).headers['from']).toMatch(
      /^"?De Brug"? <noreply@rj.example>$/,
    );
    const revealing = await queueAndEnqueue({
      kind: 'outcome.harmed_party',
      to: SAMIRA,
      encrypted: true,
      referralId: REFERRAL,
      subject: 'Your restorative justice meeting',
      body: 'revealing subject',
    });
    expect((await smtp.waitFor((m) => m.text.trim() === 'revealing subject')).subject).toBe('A message for you');
    expect((await row(revealing)).subject).toBe('A message for you');
  });

  it("holds a participant's mail through their quiet hours: a delayed job until 08:00 their time, nothing sent before", async () => {
    // A zone where it is night now, and one where it is day (Etc/GMT+N is N hours behind UTC).
    const zones = Array.from({ length: 25 }, (_, n) =>
      `Etc/GMT${n - 12 < 0 ? '' : '+'}${n - 12}`.replace('GMT+0', 'GMT'),
    );
    const night = zones.find(
      (zone) => isQuietHour(new Date(), zone) && isQuietHour(new Date(Date.now() + 60_000), zone),
    )!;
    const day = zones.find(
      (zone) => !isQuietHour(new Date(), zone) && !isQuietHour(new Date(Date.now() + 60_000), zone),
    )!;
    const held = await queueAndEnqueue({
      kind: 'session.reminder',
      to: SAMIRA,
      encrypted: true,
      referralId: REFERRAL,
      subject: 'Held until morning',
      body: '.',
      timeZone: night,
    });
    const stored = await row(held);
    expect(stored.notBefore?.toISOString()).toBe(sendableFrom(stored.createdAt, night).toISOString());
    expect(localClockOf(stored.notBefore!, night)).toMatchObject({ hour: 8, minute: 0 });
    expect(await runner.jobState(notificationDeliverJob, { notificationId: held })).toBe('delayed');
    // The daytime one goes at once; by then the held one has not gone, and the sweep keeps it delayed.
    await queueAndEnqueue({
      kind: 'session.reminder',
      to: SAMIRA,
      encrypted: true,
      referralId: REFERRAL,
      subject: 'Sent by day',
      body: '.',
      timeZone: day,
    });
    await smtp.waitFor((m) => m.subject === 'Sent by day');
    await service.enqueuePending();
    expect(await runner.jobState(notificationDeliverJob, { notificationId: held })).toBe('delayed');
    expect(smtp.messages.filter((m) => m.subject === 'Held until morning')).toEqual([]);
    expect(await row(held)).toMatchObject({ status: 'pending', attempts: 0 });
    // Not left for the tests after this one, which count pending rows.
    await runner.remove(notificationDeliverJob, { notificationId: held });
    await dataSource.getRepository(NotificationEntity).delete({ id: held });
  });

  it('skips a recipient whose personal data was erased, without retrying', async () => {
    const before = smtp.messages.length;
    const id = await queueAndEnqueue({
      kind: 'session.reminder',
      to: ERASED,
      encrypted: true,
      referralId: REFERRAL,
      subject: 'Your session on 13 March',
      body: 'At 11:00.',
    });
    await eventually(async () => (await row(id)).status === 'skipped');
    await eventually(async () => (await runner.jobState(notificationDeliverJob, { notificationId: id })) === 'missing');
    expect(await row(id)).toMatchObject({ attempts: 1, lastError: 'personal_data_erased' });
    expect(decryptCalls.filter((c) => c.endsWith(ERASED))).toHaveLength(1);
    expect(smtp.messages.length).toBe(before);
  });

  it('retries while the SMTP server refuses, and delivers once it is back', async () => {
    const port = smtp.port;
    await smtp.close();
    const id = await queueAndEnqueue({ kind: 'offer.expired', to: 'retry@rj.example', subject: 'Retry me', body: 'b' });
    await eventually(async () => (await row(id)).attempts === 1 && (await row(id)).lastError !== null);
    expect(await row(id)).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/^smtp E[A-Z]+$/) });
    expect(await runner.jobState(notificationDeliverJob, { notificationId: id })).toBe('delayed');
    smtp = await startTestSmtpServer({ port });
    await smtp.waitFor((m) => m.to.includes('retry@rj.example'), 30_000);
    await eventually(async () => (await row(id)).status === 'sent');
    expect(await row(id)).toMatchObject({ attempts: 2, lastError: null });
  });

  it('marks a notification failed when its last attempt fails', async () => {
    const deadMailer = createSmtpMailer('smtp://127.0.0.1:1');
    const processor = new NotificationDeliveryProcessor(dataSource, deadMailer, decryptRecipient, {
      mailFrom: MAIL_FROM,
    });
    const id = await dataSource.transaction((m) =>
      service.queueEmail(m, { kind: 'k', to: 'last@rj.example', subject: 's', body: 'b' }),
    );
    await expect(
      processor.deliver({ notificationId: id }, { jobId: 'j', attempt: 8, attempts: 8, isLastAttempt: true }),
    ).rejects.toThrow(/smtp/);
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1, lastError: expect.stringMatching(/^smtp /) });
    // the sweep leaves failed rows to a person
    await service.enqueuePending();
    expect(await runner.jobState(notificationDeliverJob, { notificationId: id })).toBe('missing');
    deadMailer.close();
  });

  it('still delivers after Redis lost the job, through the pending sweep', async () => {
    const id = await dataSource.transaction((m) =>
      service.queueEmail(m, { kind: 'k', to: 'lost@rj.example', subject: 'Lost and found', body: 'b' }),
    );
    // The job sat in Redis (delayed) and then Redis lost it.
    await runner.enqueue(notificationDeliverJob, { notificationId: id }, { delay: 60_000 });
    expect(await runner.remove(notificationDeliverJob, { notificationId: id })).toBe(true);
    expect(await runner.jobState(notificationDeliverJob, { notificationId: id })).toBe('missing');
    await service.startSweep(60_000);
    const mail = await smtp.waitFor((m) => m.to.includes('lost@rj.example'));
    expect(mail.subject).toBe('Lost and found');
    await eventually(async () => (await row(id)).status === 'sent');
    service.stopSweep();
  });

  it('sends nothing to a participant whose safe channels lack e-mail, and records the skip', async () => {
    const contact = { email: SAMIRA, phone: ciphertext('phone'), safeChannels: ['phone'] };
    const to = safeEmailOf(contact);
    expect(to).toBeNull();
    const before = smtp.messages.length;
    const id = await dataSource.transaction((m) =>
      to
        ? service.queueEmail(m, {
            kind: 'session.reminder',
            to,
            encrypted: true,
            referralId: REFERRAL,
            subject: 'Your session on 14 March',
            body: 'b',
          })
        : service.recordSkipped(m, {
            kind: 'session.reminder',
            referralId: REFERRAL,
            subject: 'Your session on 14 March',
            body: 'b',
            reason: 'no_safe_channel',
          }),
    );
    expect(await service.enqueuePending()).toBe(0);
    // A sign the sweep and the worker moved past it: a later mail, queued and swept, arrives.
    const marker = await dataSource.transaction((m) =>
      service.queueEmail(m, { kind: 'k', to: 'after-skip@rj.example', subject: 'After the skip', body: 'b' }),
    );
    expect(await service.enqueuePending()).toBe(1);
    await smtp.waitFor((m) => m.to.includes('after-skip@rj.example'));
    await eventually(async () => (await row(marker)).status === 'sent');
    expect(await row(id)).toMatchObject({
      status: 'skipped',
      recipient: null,
      lastError: 'no_safe_channel',
      attempts: 0,
    });
    expect(smtp.messages.filter((m) => !m.to.includes('after-skip@rj.example')).length).toBe(before);
  });
});
