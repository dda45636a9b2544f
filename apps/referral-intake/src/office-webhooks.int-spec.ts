import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { sampleEvent } from '@rj/shared/contracts/testing';
import { eventually, makeTestCertificate, TestWebhookReceiver } from '@rj/shared/testing';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { referralBody } from './test/referral-body';

type SampleType = Parameters<typeof sampleEvent>[0];

function about(referralId: string, type: SampleType, data: Record<string, unknown> = {}): EventEnvelope {
  const event = sampleEvent(type) as unknown as EventEnvelope<string, Record<string, unknown>>;
  return { ...event, id: uuidv7(), referralId, occurredAt: new Date().toISOString(), data: { ...event.data, ...data } };
}

/**
 * An office's case-management system hears its referrals' progress (issue 21): the receiver is
 * a real HTTPS server on loopback (allowed through the operator range, as in a test only), and
 * verifies every delivery with the standardwebhooks library.
 */
describe('referral-intake: webhooks for offices’ case-management systems', () => {
  const certificate = makeTestCertificate();
  const dir = mkdtempSync(join(tmpdir(), 'rj-intake-webhooks-'));
  const receiver = new TestWebhookReceiver(certificate);
  let intake: IntakeHarness;
  let office: { id: string; prosecutor: string };
  let other: { id: string; prosecutor: string };

  beforeAll(async () => {
    await receiver.start();
    writeFileSync(join(dir, 'ca.pem'), certificate.cert);
    intake = await startIntakeHarness({
      WEBHOOK_ALLOWED_RANGES: '127.0.0.1/32',
      WEBHOOK_CA_FILE: join(dir, 'ca.pem'),
      WEBHOOK_RETRY_FIRST_DELAY_MS: '20',
      WEBHOOK_RETRY_SPAN_MS: '700',
      WEBHOOK_SWEEP_EVERY_MS: '100',
    });
    office = await intake.registerOffice(['NL-NH'], 'office@north.example');
    other = await intake.registerOffice(['NL-FL']);
  });
  afterAll(async () => {
    await intake?.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const submitted = async () => (await intake.submit(office.prosecutor, referralBody())).body.id as string;

  async function approvedEndpoint(path: string): Promise<{ id: string; secret: string }> {
    const registered = await intake.request('POST', '/api/office-webhooks', {
      token: office.prosecutor,
      body: { url: receiver.url(path, '127.0.0.1'), eventTypes: ['referral.status_changed', 'referral.report_ready'] },
    });
    expect(registered.status).toBe(201);
    receiver.hold(path, registered.body.secret);
    const approved = await intake.request('POST', `/api/office-webhooks/${registered.body.endpoint.id}/approve`, {
      token: intake.admin,
    });
    expect(approved.body.status).toBe('active');
    return { id: registered.body.endpoint.id, secret: registered.body.secret };
  }

  it("registers an endpoint that waits for an admin's approval, with the office's contact, hidden from other offices", async () => {
    const registered = await intake.request('POST', '/api/office-webhooks', {
      token: office.prosecutor,
      body: { url: 'https://cms.north-prosecutor.example/hooks', eventTypes: ['referral.status_changed'] },
    });
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({
      secret: expect.stringMatching(/^whsec_/),
      endpoint: { status: 'pending_approval', orgId: office.id, contactEmail: 'office@north.example' },
    });
    const id = registered.body.endpoint.id;
    const pending = await intake.request('GET', '/api/office-webhooks?status=pending_approval', {
      token: intake.admin,
    });
    expect(pending.body.items.map((e: { id: string }) => e.id)).toContain(id);
    expect(JSON.stringify(pending.body)).not.toContain(registered.body.secret);
    expect((await intake.request('GET', `/api/office-webhooks/${id}`, { token: other.prosecutor })).status).toBe(404);
    expect((await intake.request('GET', '/api/office-webhooks', { token: other.prosecutor })).body.items).toEqual([]);
    const stored = await intake.dataSource.query('select secret from webhook_endpoint where id = $1', [id]);
    expect(stored[0].secret).toMatch(/^whk:1:/);
    expect(stored[0].secret).not.toContain(registered.body.secret.slice(6));
  });

  it('refuses a destination that is not HTTPS, or an address literal outside the operator range', async () => {
    for (const url of [
      'http://cms.north.example/hooks',
      'https://169.254.169.254/latest/meta-data',
      'https://10.0.0.8/hooks',
    ]) {
      const answer = await intake.request('POST', '/api/office-webhooks', {
        token: office.prosecutor,
        body: { url, eventTypes: ['referral.status_changed'] },
      });
      expect(answer.status).toBe(400);
    }
  });

  it("sends a referral's new status, signed, with ids and codes only, and logs the delivery", async () => {
    const { id: endpointId } = await approvedEndpoint('/progress');
    const referralId = await submitted();
    await intake.feed(about(referralId, 'offer.made', { partnerId: randomUUID() }));
    const received = await eventually(
      async () =>
        receiver
          .at('/progress')
          .find((r) => (r.verified as { data?: { referralId?: string } } | null)?.data?.referralId === referralId),
      20_000,
      'the status webhook',
    );
    expect(received.verified).toEqual({
      type: 'referral.status_changed',
      timestamp: expect.any(String),
      data: { referralId, status: 'offered' },
    });
    const log = await intake.request('GET', `/api/office-webhooks/${endpointId}/deliveries`, {
      token: office.prosecutor,
    });
    const delivery = await eventually(
      async () => {
        const items = (
          await intake.request('GET', `/api/office-webhooks/${endpointId}/deliveries`, { token: office.prosecutor })
        ).body.items as { referralId: string; status: string }[];
        return items.find((d) => d.referralId === referralId && d.status === 'delivered');
      },
      10_000,
      'delivered in the log',
    );
    expect(log.status).toBe(200);
    expect(delivery).toMatchObject({
      eventType: 'referral.status_changed',
      attempts: 1,
      log: [{ attempt: 1, responseStatus: 204 }],
    });
    expect(received.headers['webhook-id']).toBe(`msg_${(delivery as unknown as { id: string }).id}`);

    const resent = await intake.request(
      'POST',
      `/api/office-webhooks/${endpointId}/deliveries/${(delivery as unknown as { id: string }).id}/resend`,
      { token: office.prosecutor },
    );
    expect(resent.status).toBe(202);
    await eventually(
      async () =>
        receiver.at('/progress').filter((r) => r.headers['webhook-id'] === received.headers['webhook-id']).length === 2,
      10_000,
      'sent again',
    );
    expect(
      (
        await intake.request('POST', `/api/office-webhooks/${endpointId}/deliveries/${randomUUID()}/resend`, {
          token: other.prosecutor,
        })
      ).status,
    ).toBe(404);
  });

  it("holds a withdrawal for the daily batch, and drops it when the referral's personal data is erased", async () => {
    const { id: endpointId } = await approvedEndpoint('/withdrawals');
    const referralId = await submitted();
    expect(
      (
        await intake.request('POST', `/api/referrals/${referralId}/withdraw`, {
          token: office.prosecutor,
          body: { reasonCode: 'charges_dropped' },
        })
      ).status,
    ).toBe(200);
    const deliveries = async () =>
      (await intake.request('GET', `/api/office-webhooks/${endpointId}/deliveries`, { token: office.prosecutor })).body
        .items as { referralId: string; status: string; releaseAt: string; lastError: string | null }[];
    const held = (await deliveries()).find((d) => d.referralId === referralId);
    expect(held).toMatchObject({ status: 'pending' });
    expect(new Date(held!.releaseAt).getUTCHours()).toBe(2);
    expect(new Date(held!.releaseAt).getTime()).toBeGreaterThan(Date.now());

    expect(
      (await intake.request('DELETE', `/api/referrals/${referralId}/personal-data`, { token: intake.admin })).status,
    ).toBe(200);
    expect((await deliveries()).find((d) => d.referralId === referralId)).toMatchObject({
      status: 'dropped',
      lastError: 'personal_data_erased',
    });
    expect(receiver.at('/withdrawals')).toEqual([]);
  });

  it('rotates the secret: during the overlap a receiver holding either secret verifies', async () => {
    const { id: endpointId, secret: oldSecret } = await approvedEndpoint('/rotation');
    const rotated = await intake.request('POST', `/api/office-webhooks/${endpointId}/rotate-secret`, {
      token: office.prosecutor,
      body: { overlapHours: 24 },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(oldSecret);
    expect(
      (
        await intake.request('POST', `/api/office-webhooks/${endpointId}/rotate-secret`, {
          token: other.prosecutor,
          body: {},
        })
      ).status,
    ).toBe(404);
    receiver.hold('/rotation', oldSecret);
    const referralId = await submitted();
    await intake.feed(about(referralId, 'offer.made', { partnerId: randomUUID() }));
    const received = await eventually(async () => receiver.at('/rotation')[0], 20_000, 'a delivery after rotation');
    expect(received.answered).toBe(204);
    expect(received.headers['webhook-signature'].split(' ')).toHaveLength(2);
    receiver.hold('/rotation', rotated.body.secret);
    expect(receiver.verifyAgain(received)).toEqual(received.verified);
  });

  it('disables an endpoint for its office only, until an admin approves it again', async () => {
    const { id } = await approvedEndpoint('/disabled');
    const disable = (token: string) => intake.request('POST', `/api/office-webhooks/${id}/disable`, { token });
    expect((await disable(other.prosecutor)).status).toBe(404);
    const disabled = await disable(office.prosecutor);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledReason: 'disabled_by_owner' });
    const approved = await intake.request('POST', `/api/office-webhooks/${id}/approve`, { token: intake.admin });
    expect(approved.body).toMatchObject({ status: 'active', disabledReason: null });
  });

  it('deletes an endpoint for its office only', async () => {
    const { id } = await approvedEndpoint('/deleted');
    expect((await intake.request('DELETE', `/api/office-webhooks/${id}`, { token: other.prosecutor })).status).toBe(
      404,
    );
    expect((await intake.request('DELETE', `/api/office-webhooks/${id}`, { token: office.prosecutor })).status).toBe(
      204,
    );
    expect((await intake.request('GET', `/api/office-webhooks/${id}`, { token: intake.admin })).status).toBe(404);
  });
});
