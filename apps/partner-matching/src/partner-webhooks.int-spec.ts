import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEvent, ReferralPersonalDataErased, uuidv7 } from '@rj/shared/contracts';
import { eventually, makeTestCertificate, TestWebhookReceiver } from '@rj/shared/testing';
import { MatchingHarness, startMatchingHarness, referralWithdrawn } from './test/matching-harness';

const area = () => `W-${randomBytes(3).toString('hex').toUpperCase()}`;

/**
 * A partner's case-management system hears of the offers made to it (issue 21), on the same
 * machinery as offices' endpoints: a real HTTPS receiver on loopback (the operator range allows
 * it, as in a test only) verifies every delivery with the standardwebhooks library.
 */
describe('partner-matching: webhooks for partners’ systems', () => {
  const certificate = makeTestCertificate();
  const dir = mkdtempSync(join(tmpdir(), 'rj-matching-webhooks-'));
  const receiver = new TestWebhookReceiver(certificate);
  let kit: MatchingHarness;

  beforeAll(async () => {
    await receiver.start();
    writeFileSync(join(dir, 'ca.pem'), certificate.cert);
    kit = await startMatchingHarness({
      WEBHOOK_ALLOWED_RANGES: '127.0.0.1/32',
      WEBHOOK_CA_FILE: join(dir, 'ca.pem'),
      WEBHOOK_RETRY_FIRST_DELAY_MS: '20',
      WEBHOOK_RETRY_SPAN_MS: '700',
      WEBHOOK_SWEEP_EVERY_MS: '100',
    });
  });
  afterAll(async () => {
    await kit?.close();
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const request = (method: string, path: string, token: string, body?: unknown) =>
    kit.service.request(method, path, { token, body });

  it('sends the partner its offer, signed, with ids only; holds a withdrawal for the daily batch and drops it at erasure', async () => {
    const jurisdiction = area();
    const partner = await kit.registerPartner({
      jurisdictions: [jurisdiction],
      contact: { email: 'intake@webhooks.example' },
    });
    const other = await kit.registerPartner({ jurisdictions: ['NL-ZH'] });
    const registered = await request('POST', '/api/partner-webhooks', kit.partnerToken(partner.id), {
      url: receiver.url('/offers', '127.0.0.1'),
      eventTypes: ['offer.made', 'offer.withdrawn'],
    });
    expect(registered.status).toBe(201);
    expect(registered.body.endpoint).toMatchObject({
      status: 'pending_approval',
      orgId: partner.id,
      contactEmail: 'intake@webhooks.example',
    });
    const endpointId = registered.body.endpoint.id as string;
    receiver.hold('/offers', registered.body.secret);
    expect((await request('GET', `/api/partner-webhooks/${endpointId}`, kit.partnerToken(other.id))).status).toBe(404);
    expect(
      (await request('POST', `/api/partner-webhooks/${endpointId}/approve`, kit.partnerToken(partner.id))).status,
    ).toBe(403);
    expect((await request('POST', `/api/partner-webhooks/${endpointId}/approve`, kit.adminToken)).body.status).toBe(
      'active',
    );

    const { referralId, officeId } = await kit.eligibleReferral({ jurisdiction });
    const made = await kit.waitForEvent(referralId, (e) => e.type === 'offer.made');
    const offerId = (made.data as { offerId: string }).offerId;
    const received = await eventually(async () => receiver.at('/offers')[0], 30_000, 'the offer webhook');
    expect(received.answered).toBe(204);
    expect(received.verified).toEqual({
      type: 'offer.made',
      timestamp: expect.any(String),
      data: { offerId, referralId },
    });

    await kit.publish(referralWithdrawn(referralId, officeId));
    await kit.waitForEvent(referralId, (e) => e.type === 'offer.withdrawn');
    const deliveries = async () =>
      (await request('GET', `/api/partner-webhooks/${endpointId}/deliveries`, kit.partnerToken(partner.id))).body
        .items as { eventType: string; status: string; releaseAt: string; lastError: string | null }[];
    const held = await eventually(
      async () => (await deliveries()).find((d) => d.eventType === 'offer.withdrawn'),
      20_000,
      'the withdrawal queued',
    );
    expect(held.status).toBe('pending');
    expect(new Date(held.releaseAt).getUTCHours()).toBe(2);
    expect(new Date(held.releaseAt).getTime()).toBeGreaterThan(Date.now());

    const erased = buildEvent(ReferralPersonalDataErased, {
      aggregateId: referralId,
      referralId,
      actor: { sub: 'admin-1', role: 'admin', org: null },
      correlationId: uuidv7(),
      causationId: null,
      data: { dataKeyId: randomUUID(), erasedAt: new Date().toISOString() },
    });
    await kit.publish(erased);
    await eventually(
      async () => (await deliveries()).find((d) => d.eventType === 'offer.withdrawn')?.status === 'dropped',
      30_000,
      'the withdrawal dropped',
    );
    expect(receiver.at('/offers')).toHaveLength(1);
  });
});
