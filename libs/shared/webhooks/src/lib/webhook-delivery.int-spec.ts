import { randomUUID } from 'node:crypto';
import { JobRegistry, JobRunner, handleJob } from '@rj/shared/jobs';
import {
  createSmtpMailer,
  NotificationDeliveryProcessor,
  notificationJobHandlers,
  notificationJobs,
  NotificationService,
  type Mailer,
} from '@rj/shared/notifications';
import { DEV_MASTER_KEYS, parseMasterKeys } from '@rj/shared/pii';
import {
  deleteRedisKeysWithPrefix,
  eventually,
  makeTestCertificate,
  RECEIVER_HOST,
  startTestSmtpServer,
  TEST_REDIS_URL,
  TestWebhookReceiver,
  uniqueRedisPrefix,
  type ScratchDatabase,
  type TestCertificate,
  type TestSmtpServer,
} from '@rj/shared/testing';
import { createWebhookDatabase } from '../test/scratch-database';
import { parseAllowedRanges } from './destination-policy';
import { webhookDeliverJob } from './webhook-deliver.job';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookDeliveryProcessor } from './webhook-delivery.processor';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { WebhookEndpoints } from './webhook-endpoints.service';
import { dropWebhookDeliveriesOf, queueWebhookEvent, type WebhookEvent } from './webhook-outbox';
import type { Resolver } from './webhook-sender';
import type { WebhooksConfig } from './webhooks.config';

const quietLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const OFFICE = '0190a3b4-0000-7000-8000-0000000000a1';
const EVENT_TYPES = ['referral.status_changed', 'referral.report_ready', 'follow_up.due'];

/**
 * The stub resolver: the receiver's name resolves to loopback (allowed by the operator range
 * 127.0.0.1/32, as a test's only reachable address), the others to addresses the SSRF rule
 * refuses. Tests never connect anywhere but loopback.
 */
const DNS: Record<string, string[]> = {
  [RECEIVER_HOST]: ['127.0.0.1'],
  'private.test': ['10.20.30.40'],
  'link-local.test': ['169.254.10.1'],
  'metadata.test': ['169.254.169.254'],
  'loopback.test': ['127.0.0.2'],
  'mixed.test': ['93.184.215.14', '192.168.0.10'],
};
const resolver: Resolver = async (hostname) =>
  (DNS[hostname] ?? []).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('webhook deliveries (real Postgres, Redis, SMTP and an HTTPS receiver)', () => {
  const prefix = uniqueRedisPrefix('webhooks');
  const erased = new Set<string>();
  let database: ScratchDatabase;
  let certificate: TestCertificate;
  let receiver: TestWebhookReceiver;
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let runner: JobRunner;
  let endpoints: WebhookEndpoints;
  let dispatcher: WebhookDispatcher;
  let config: WebhooksConfig;

  const delivery = (id: string) => database.dataSource.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id });
  const endpointRow = (id: string) => database.dataSource.getRepository(WebhookEndpointEntity).findOneByOrFail({ id });

  /** Registers an endpoint for `path` (or another URL), has the admin approve it, and lets the receiver hold its secret. */
  async function approvedEndpoint(
    path: string,
    url = receiver.url(path),
  ): Promise<{ id: string; secret: string; org: string }> {
    const org = randomUUID();
    const { endpoint, secret } = await endpoints.register(
      org,
      { url, eventTypes: EVENT_TYPES, contactEmail: 'cms@office.example' },
      'prosecutor-1',
    );
    receiver.hold(path, secret);
    await endpoints.approve(endpoint.id, 'admin-1');
    return { id: endpoint.id, secret, org };
  }

  async function emit(orgId: string, event: Partial<WebhookEvent> = {}): Promise<string[]> {
    const referralId = event.referralId ?? randomUUID();
    await database.dataSource.transaction((manager) =>
      queueWebhookEvent(
        manager,
        {
          orgId,
          type: 'referral.status_changed',
          referralId,
          sourceKey: `${randomUUID()}:status`,
          data: { referralId, status: 'assigned' },
          batched: false,
          ...event,
        },
        { batchHourUtc: 2 },
      ),
    );
    await dispatcher.enqueueDue();
    const rows = await database.dataSource.getRepository(WebhookDeliveryEntity).findBy({ referralId });
    return rows.map((row) => row.id);
  }

  beforeAll(async () => {
    certificate = makeTestCertificate();
    receiver = new TestWebhookReceiver(certificate);
    await receiver.start();
    smtp = await startTestSmtpServer();
    mailer = createSmtpMailer(smtp.url);
    database = await createWebhookDatabase('webhooks');
    const dataSource = database.dataSource;
    config = {
      keys: parseMasterKeys(DEV_MASTER_KEYS),
      allowed: parseAllowedRanges('127.0.0.1/32'),
      resolver,
      timeoutMs: 5_000,
      retryFirstDelayMs: 20,
      // 20, 40, 80, 160, 320 ms: six attempts fit in 700 ms.
      retrySpanMs: 700,
      outcomeBatchHourUtc: 2,
      sweepEveryMs: 100,
      ca: certificate.cert,
    };
    const job = webhookDeliverJob(config);
    const holder: { notifications?: NotificationService; processor?: WebhookDeliveryProcessor } = {};
    const mail = new NotificationDeliveryProcessor(dataSource, mailer, async () => null, {
      mailFrom: 'Platform <noreply@rj.example>',
    });
    runner = new JobRunner({
      registry: new JobRegistry(
        [job, ...notificationJobs],
        [
          handleJob(job, (payload, context) => holder.processor!.deliver(payload, context)),
          ...notificationJobHandlers(mail),
        ],
      ),
      redisUrl: TEST_REDIS_URL,
      prefix,
      logger: quietLogger,
    });
    await runner.start();
    holder.notifications = new NotificationService(dataSource, runner, { logger: quietLogger });
    holder.processor = new WebhookDeliveryProcessor(
      dataSource,
      config,
      async (referralId) => erased.has(referralId),
      holder.notifications,
      { logger: quietLogger },
    );
    dispatcher = new WebhookDispatcher(dataSource, runner, job, { logger: quietLogger });
    endpoints = new WebhookEndpoints(dataSource, config, dispatcher, EVENT_TYPES);
  });

  afterAll(async () => {
    dispatcher?.stopSweep();
    await runner?.close();
    mailer?.close();
    await smtp?.close();
    await receiver?.close();
    await database?.drop();
    await deleteRedisKeysWithPrefix(prefix);
  });

  it('signs each delivery so the receiver verifies it with the Standard Webhooks library, and sends ids and codes only', async () => {
    const { id, org } = await approvedEndpoint('/signed');
    const [deliveryId] = await emit(org);
    await eventually(async () => (await delivery(deliveryId)).status === 'delivered', 10_000, 'delivered');
    const [received] = receiver.at('/signed');
    expect(received.answered).toBe(204);
    expect(received.headers['webhook-id']).toBe(`msg_${deliveryId}`);
    expect(received.headers['webhook-timestamp']).toMatch(/^\d{10}$/);
    expect(received.verified).toEqual({
      type: 'referral.status_changed',
      timestamp: expect.any(String),
      data: { referralId: expect.any(String), status: 'assigned' },
    });
    const log = await endpoints.deliveries({ orgId: org }, id);
    expect(log[0]).toMatchObject({
      id: deliveryId,
      status: 'delivered',
      attempts: 1,
      log: [{ round: 1, attempt: 1, responseStatus: 204, errorCode: null }],
    });
  });

  it('keeps retrying a receiver that fails five times, and it gets the delivery once', async () => {
    const { org } = await approvedEndpoint('/flaky');
    receiver.failNext('/flaky', 5);
    const [deliveryId] = await emit(org);
    await eventually(
      async () => (await delivery(deliveryId)).status === 'delivered',
      20_000,
      'delivered after retries',
    );
    const tries = receiver.at('/flaky');
    expect(tries.map((t) => t.answered)).toEqual([500, 500, 500, 500, 500, 204]);
    expect(new Set(tries.map((t) => t.headers['webhook-id']))).toEqual(new Set([`msg_${deliveryId}`]));
    expect(tries.filter((t) => t.answered === 204)).toHaveLength(1);
    expect(await delivery(deliveryId)).toMatchObject({ attempts: 6, lastResponseStatus: 204, lastError: null });
  });

  it.each([
    ['private.test', 'destination_refused_private'],
    ['link-local.test', 'destination_refused_link_local'],
    ['metadata.test', 'destination_refused_metadata'],
    ['loopback.test', 'destination_refused_loopback'],
    ['mixed.test', 'destination_refused_private'],
  ])(
    'refuses a destination whose name resolves, at send time, to a forbidden address (%s), and disables it',
    async (host, error) => {
      const path = `/refused-${host}`;
      const { id, org } = await approvedEndpoint(path, `https://${host}:${receiver.port}${path}`);
      const [deliveryId] = await emit(org);
      await eventually(async () => (await delivery(deliveryId)).status === 'failed', 10_000, 'refused');
      expect(await delivery(deliveryId)).toMatchObject({ attempts: 1, lastError: error, lastResponseStatus: null });
      expect(await endpointRow(id)).toMatchObject({ status: 'disabled', disabledReason: 'destination_refused' });
      expect(receiver.at(path)).toHaveLength(0);
    },
  );

  it('refuses to register an address literal the rule forbids, or a URL that is not HTTPS', async () => {
    for (const url of [
      'https://169.254.169.254/latest',
      'https://[::1]/hook',
      'http://cms.office.example/hook',
      'https://user:pw@cms.office.example/',
    ]) {
      await expect(
        endpoints.register(OFFICE, { url, eventTypes: EVENT_TYPES, contactEmail: 'cms@office.example' }, 'p'),
      ).rejects.toMatchObject({ status: 400 });
    }
  });

  it('delivers nothing to an endpoint until an admin approves it', async () => {
    const { endpoint, secret } = await endpoints.register(
      OFFICE,
      { url: receiver.url('/unapproved'), eventTypes: EVENT_TYPES, contactEmail: 'cms@office.example' },
      'p',
    );
    receiver.hold('/unapproved', secret);
    expect(await emit(OFFICE)).toEqual([]);
    expect((await endpoints.get({ orgId: OFFICE }, endpoint.id)).status).toBe('pending_approval');
  });

  it('signs with both secrets during a rotation’s overlap, and with the new one only after it', async () => {
    const { id, secret: oldSecret, org } = await approvedEndpoint('/rotated');
    const rotated = await endpoints.rotateSecret({ orgId: org }, id, 24);
    expect(rotated.secret).not.toBe(oldSecret);
    expect(rotated.endpoint.previousSecretUntil).not.toBeNull();

    receiver.hold('/rotated', oldSecret); // a receiver not yet switched
    const [during] = await emit(org);
    await eventually(async () => (await delivery(during)).status === 'delivered', 10_000, 'delivered during overlap');
    receiver.hold('/rotated', rotated.secret); // a receiver already switched
    const [switched] = await emit(org);
    await eventually(
      async () => (await delivery(switched)).status === 'delivered',
      10_000,
      'delivered to the switched receiver',
    );
    expect(receiver.at('/rotated').map((r) => r.headers['webhook-signature'].split(' ').length)).toEqual([2, 2]);

    await endpoints.rotateSecret({ orgId: org }, id, 0);
    const [after] = await emit(org);
    await eventually(async () => (await delivery(after)).attempts >= 1, 10_000, 'tried after the overlap');
    expect(receiver.at('/rotated')[2]).toMatchObject({ verified: null, answered: 401 });
  });

  it('drops a delivery still queued for a referral whose personal data is erased', async () => {
    const { org } = await approvedEndpoint('/erased');
    receiver.failNext('/erased', 1);
    const referralId = randomUUID();
    // The referral is erased while its first attempt is answered 500, before the retry.
    receiver.onReceive('/erased', () => void erased.add(referralId));
    const [deliveryId] = await emit(org, { referralId, data: { referralId, status: 'assigned' } });
    await eventually(async () => (await delivery(deliveryId)).status === 'dropped', 10_000, 'dropped');
    expect(await delivery(deliveryId)).toMatchObject({ lastError: 'personal_data_erased', attempts: 1 });
    expect(receiver.at('/erased')).toHaveLength(1);
  });

  it('holds an outcome change for the daily batch, and erasure drops it before it goes', async () => {
    const { org } = await approvedEndpoint('/batched');
    const referralId = randomUUID();
    const [deliveryId] = await emit(org, { referralId, data: { referralId, status: 'withdrawn' }, batched: true });
    const row = await delivery(deliveryId);
    expect(row.status).toBe('pending');
    expect(row.releaseAt.getUTCHours()).toBe(2);
    expect(row.releaseAt.getTime()).toBeGreaterThan(Date.now());
    expect(row.payload).toMatchObject({ timestamp: row.releaseAt.toISOString() });
    expect(row.queuedRound).toBeNull();
    await database.dataSource.transaction((manager) => dropWebhookDeliveriesOf(manager, referralId));
    expect(await delivery(deliveryId)).toMatchObject({ status: 'dropped', lastError: 'personal_data_erased' });
  });

  it('disables an endpoint that failed through the whole retry span, and e-mails its contact', async () => {
    const { id, org } = await approvedEndpoint('/down');
    receiver.failNext('/down', 1_000);
    const [deliveryId] = await emit(org);
    await eventually(async () => (await delivery(deliveryId)).status === 'failed', 20_000, 'failed for good');
    expect(await delivery(deliveryId)).toMatchObject({ attempts: 6, lastError: 'http_500' });
    expect(await endpointRow(id)).toMatchObject({ status: 'disabled', disabledReason: 'persistent_failure' });
    const mail = await smtp.waitFor((m) => m.to.includes('cms@office.example') && m.text.includes(id));
    expect(mail.subject).toBe('A webhook endpoint of your organisation was disabled');
    // Nothing more is owed to a disabled endpoint.
    expect(await emit(org)).toEqual([]);
    expect(receiver.at('/down')).toHaveLength(6);
  });

  it('re-sends a delivery on request under the same webhook-id, and refuses another organisation', async () => {
    const { id, org } = await approvedEndpoint('/resend');
    const [deliveryId] = await emit(org);
    await eventually(async () => (await delivery(deliveryId)).status === 'delivered', 10_000, 'delivered');
    await expect(endpoints.resend({ orgId: randomUUID() }, id, deliveryId)).rejects.toMatchObject({ status: 404 });
    await endpoints.resend({ orgId: org }, id, deliveryId);
    await eventually(
      async () => (await delivery(deliveryId)).round === 2 && (await delivery(deliveryId)).status === 'delivered',
      10_000,
      'sent again',
    );
    expect(receiver.at('/resend').map((r) => r.headers['webhook-id'])).toEqual([
      `msg_${deliveryId}`,
      `msg_${deliveryId}`,
    ]);
    expect((await endpoints.deliveries({ orgId: org }, id))[0].log.map((l) => l.round)).toEqual([1, 2]);
  });

  it("disables an endpoint on its owner's word: nothing goes out until an admin approves it again", async () => {
    const { id, org } = await approvedEndpoint('/paused');
    await expect(endpoints.disable({ orgId: randomUUID() }, id)).rejects.toMatchObject({ status: 404 });
    expect(await endpoints.disable({ orgId: org }, id)).toMatchObject({
      status: 'disabled',
      disabledReason: 'disabled_by_owner',
    });
    expect(await emit(org)).toEqual([]);
    await endpoints.approve(id, 'admin-1');
    const [deliveryId] = await emit(org);
    await eventually(async () => (await delivery(deliveryId)).status === 'delivered', 10_000, 'delivered again');
    expect(receiver.at('/paused')).toHaveLength(1);
  });

  it('hides an endpoint from another organisation and deletes it with its log', async () => {
    const { id, org } = await approvedEndpoint('/deleted');
    await expect(endpoints.get({ orgId: randomUUID() }, id)).rejects.toMatchObject({ status: 404 });
    await expect(endpoints.remove({ orgId: randomUUID() }, id)).rejects.toMatchObject({ status: 404 });
    await endpoints.remove({ orgId: org }, id);
    await expect(endpoints.get('all', id)).rejects.toMatchObject({ status: 404 });
  });
});
