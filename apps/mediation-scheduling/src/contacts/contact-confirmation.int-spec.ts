import { assignMediator } from '../test/case-actors';
import { qualifyMediator } from '../test/practice-records';
import { openCase, startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

describe('PUT /api/cases/{id}/participants/{participantId}/contact', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const put = (caseId: string, participantId: string, token: string, body: object) =>
    harness.service.request('PUT', `/api/cases/${caseId}/participants/${participantId}/contact`, { token, body });

  it('replaces the contact and safe channels, encrypted, keeps the date, and emits the details as ciphertext only', async () => {
    const referral = await openCase(harness);
    const actors = await assignMediator(harness, referral);
    const confirmed = await put(referral.caseId, referral.harmedId, actors.mediator, {
      email: 'anna.new@example.org',
      phone: '+31 6 5555 0000',
      safeChannels: ['sms'],
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({
      participantId: referral.harmedId,
      contact: { email: 'anna.new@example.org', phone: '+31 6 5555 0000', safeChannels: ['sms'] },
    });

    const read = await harness.service.request('GET', `/api/cases/${referral.caseId}`, { token: actors.mediator });
    const harmed = read.body.participants.find((p: { id: string }) => p.id === referral.harmedId);
    expect(harmed.contact).toEqual({ email: 'anna.new@example.org', phone: '+31 6 5555 0000', safeChannels: ['sms'] });
    expect(harmed.contactConfirmedAt).toBe(confirmed.body.confirmedAt);
    // The other participant is untouched.
    expect(
      read.body.participants.find((p: { id: string }) => p.id === referral.responsibleId).contactConfirmedAt,
    ).toBeNull();

    const stored = JSON.stringify(
      await harness.service.dataSource.query('select participants from referral_snapshot where referral_id = $1', [
        referral.referralId,
      ]),
    );
    expect(stored).not.toContain('anna.new@example.org');
    expect(stored).not.toContain('5555 0000');
    const [row] = (await harness.service.dataSource.query(
      `select payload from outbox where event_type = 'contact.confirmed' and payload->>'aggregateId' = $1`,
      [referral.caseId],
    )) as { payload: { data: object } }[];
    expect(row.payload.data).toEqual({
      caseId: referral.caseId,
      participantId: referral.harmedId,
      contact: { email: expect.any(String), phone: expect.any(String), safeChannels: ['sms'] },
    });
    expect(JSON.stringify(row.payload)).not.toContain('anna.new@example.org');
    expect(JSON.stringify(row.payload)).not.toContain('5555 0000');
    const [confirmation] = (await harness.service.dataSource.query(
      'select confirmed_by from contact_confirmation where case_id = $1',
      [referral.caseId],
    )) as { confirmed_by: string }[];
    expect(confirmation.confirmed_by).toBe(actors.mediatorSub);
  });

  it('announces the participant’s own time zone with the contact, for the quiet hours of their other mail', async () => {
    const referral = await openCase(harness);
    const actors = await assignMediator(harness, referral);
    const confirmed = await put(referral.caseId, referral.harmedId, actors.mediator, {
      email: 'anna.la@example.org',
      safeChannels: ['email'],
      timeZone: 'America/Los_Angeles',
    });
    expect(confirmed.status).toBe(200);
    const [row] = (await harness.service.dataSource.query(
      `select payload from outbox where event_type = 'contact.confirmed' and payload->>'aggregateId' = $1`,
      [referral.caseId],
    )) as { payload: { data: { timeZone?: string } } }[];
    expect(row.payload.data.timeZone).toBe('America/Los_Angeles');
  });

  it('refuses a safe channel the participant cannot be reached on', async () => {
    const referral = await openCase(harness);
    const actors = await assignMediator(harness, referral);
    const refused = await put(referral.caseId, referral.harmedId, actors.mediator, {
      email: null,
      phone: null,
      safeChannels: ['email'],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'email', message: 'is needed for e-mail to be a safe channel' }]);
  });

  it('is for a declared mediator of the case only', async () => {
    const referral = await openCase(harness);
    const admin = harness.service.token('partner_admin', referral.partnerId, 'admin-contacts');
    const sub = 'mediator-contacts-undeclared';
    if (
      (
        await harness.service.request('POST', '/api/mediators', {
          token: admin,
          body: { sub, fullName: 'Una Declared', contact: { email: 'una@partner.example' }, specialties: [] },
        })
      ).status === 201
    )
      await qualifyMediator(harness, admin, sub);
    await harness.service.request('POST', `/api/cases/${referral.caseId}/mediators`, {
      token: admin,
      body: { mediatorId: sub },
    });
    const body = { email: 'x@example.org', safeChannels: ['email'] };
    expect(
      (await put(referral.caseId, referral.harmedId, harness.service.token('mediator', referral.partnerId, sub), body))
        .status,
    ).toBe(403);
    expect((await put(referral.caseId, referral.harmedId, admin, body)).status).toBe(403);
    expect(
      (
        await put(
          referral.caseId,
          referral.harmedId,
          harness.service.token('mediator', '0190a000-0000-7000-8000-0000000000e9', 'mediator-foreign'),
          body,
        )
      ).status,
    ).toBe(404);
    const actors = await assignMediator(harness, referral);
    expect((await put(referral.caseId, '0190a000-0000-7000-8000-0000000000aa', actors.mediator, body)).status).toBe(
      404,
    );
  });
});
