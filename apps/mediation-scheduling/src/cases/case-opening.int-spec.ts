import { eventually, readTopics } from '@rj/shared/testing';
import { assignMediator } from '../test/case-actors';
import {
  acceptOffer,
  caseIdOf,
  newReferral,
  openCase,
  startSchedulingHarness,
  submitReferral,
  topicsOf,
  type SchedulingHarness,
} from '../test/scheduling-harness';

describe('opening a case and reading it', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  it('opens the case on offer.accepted and announces case.opened for the accepting partner', async () => {
    const referral = await openCase(harness);
    const messages = await readTopics(topicsOf(harness), (read) =>
      read.some((m) => m.value.includes('"case.opened"') && m.value.includes(referral.caseId)),
    );
    const opened = messages
      .map((m) => JSON.parse(m.value))
      .find((e) => e.type === 'case.opened' && e.data.caseId === referral.caseId);
    expect(opened).toMatchObject({
      referralId: referral.referralId,
      data: { partnerId: referral.partnerId, offerId: referral.offerId },
    });
  });

  it('still opens the case when offer.accepted arrives before referral.submitted', async () => {
    const referral = newReferral(harness);
    await acceptOffer(harness, referral);
    // The acceptance has arrived and waits for its referral: no case may exist yet.
    await eventually(
      async () =>
        (
          await harness.service.dataSource.query(
            `select 1 from pending_event where event_type = 'offer.accepted' and envelope->>'referralId' = $1`,
            [referral.referralId],
          )
        ).length > 0,
      30_000,
      'the early acceptance to be parked',
    );
    const none = await harness.service.dataSource.query('select id from mediation_case where referral_id = $1', [
      referral.referralId,
    ]);
    expect(none).toHaveLength(0);
    await submitReferral(harness, referral);
    expect(await caseIdOf(harness, referral.referralId)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("shows the parties' names and contacts only to the accepting partner's people, and logs the read", async () => {
    const referral = await openCase(harness);
    const { admin, mediator } = await assignMediator(harness, referral);
    const seen = await harness.service.request('GET', `/api/cases/${referral.caseId}`, { token: admin });
    expect(seen.status).toBe(200);
    const harmed = seen.body.participants.find((p: { id: string }) => p.id === referral.harmedId);
    expect(harmed).toMatchObject({
      role: 'harmed',
      fullName: 'Anna de Vries',
      contact: { email: 'anna@example.org', safeChannels: ['email'] },
    });
    expect((await harness.service.request('GET', `/api/cases/${referral.caseId}`, { token: mediator })).status).toBe(
      200,
    );

    const otherPartner = harness.service.token('partner_admin', '0190a000-0000-7000-8000-0000000000ff');
    expect(
      (await harness.service.request('GET', `/api/cases/${referral.caseId}`, { token: otherPartner })).status,
    ).toBe(404);
    expect(
      (
        await harness.service.request('GET', `/api/cases/${referral.caseId}`, {
          token: harness.service.token('prosecutor', referral.partnerId),
        })
      ).status,
    ).toBe(403);

    const messages = await readTopics(topicsOf(harness), (read) =>
      read.some((m) => m.value.includes('"personal_data.read"') && m.value.includes(referral.referralId)),
    );
    const read = messages
      .map((m) => JSON.parse(m.value))
      .find((e) => e.type === 'personal_data.read' && e.referralId === referral.referralId);
    expect(read.data).toMatchObject({
      endpoint: 'GET /api/cases/{id}',
      fields: expect.arrayContaining(['participants.fullName']),
    });
  });

  it('answers null names once the referral was erased, without asking the key store', async () => {
    const referral = await openCase(harness);
    const { admin } = await assignMediator(harness, referral);
    await harness.service.dataSource.query(
      'update referral_snapshot set personal_data_erased_at = now() where referral_id = $1',
      [referral.referralId],
    );
    const seen = await harness.service.request('GET', `/api/cases/${referral.caseId}`, { token: admin });
    expect(seen.status).toBe(200);
    expect(seen.body.personalDataErasedAt).not.toBeNull();
    expect(seen.body.participants[0]).toMatchObject({ fullName: null, contact: { email: null } });
  });

  it('answers 503, never names or a 500, when the key store is down', async () => {
    const referral = await openCase(harness);
    const { admin } = await assignMediator(harness, referral);
    harness.keyStore.setAvailable(false);
    try {
      const seen = await harness.service.request('GET', `/api/cases/${referral.caseId}`, { token: admin });
      expect(seen.status).toBe(503);
    } finally {
      harness.keyStore.setAvailable(true);
    }
  });
});
