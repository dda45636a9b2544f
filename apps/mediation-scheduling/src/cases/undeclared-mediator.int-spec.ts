import { readTopics } from '@rj/shared/testing';
import { qualifyMediator } from '../test/practice-records';
import { openCase, startSchedulingHarness, topicsOf, type SchedulingHarness } from '../test/scheduling-harness';

/** Issue 14 item 5: until the declaration, a proposed mediator reads only the parties' names and roles. */
describe('a proposed mediator before the declaration', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness({});
  });
  afterAll(() => harness?.close());

  it('sees only the parties\u2019 names and roles — no contacts, no records — until declaring no conflict; then everything', async () => {
    const referral = await openCase(harness, { responsibleMinor: true });
    const { service } = harness;
    const admin = service.token('partner_admin', referral.partnerId);
    const sub = `mediator-${referral.caseId.slice(-8)}`;
    expect(
      (
        await service.request('POST', '/api/mediators', {
          token: admin,
          body: { sub, fullName: 'Mia Mediator', contact: { email: `${sub}@partner.example` }, specialties: [] },
        })
      ).status,
    ).toBe(201);
    await qualifyMediator(harness, admin, sub);
    expect(
      (
        await service.request('POST', `/api/cases/${referral.caseId}/mediators`, {
          token: admin,
          body: { mediatorId: sub },
        })
      ).status,
    ).toBe(201);
    const mediator = service.token('mediator', referral.partnerId, sub);

    const before = await service.request('GET', `/api/cases/${referral.caseId}`, { token: mediator });
    expect(before.status).toBe(200);
    expect(before.body.participants).toEqual([
      { id: referral.harmedId, role: 'harmed', fullName: 'Anna de Vries' },
      { id: referral.responsibleId, role: 'responsible', fullName: 'Tom Jansen' },
    ]);
    expect(before.body).not.toHaveProperty('dialogueGate');
    for (const secret of ['anna@example.org', '+31600000009', '+31600000001', 'Els Jansen', 'els@example.org'])
      expect(JSON.stringify(before.body)).not.toContain(secret);
    // The read is logged with what was read: the names only.
    const messages = await readTopics(topicsOf(harness), (read) =>
      read.some((m) => m.value.includes('"personal_data.read"') && m.value.includes(referral.referralId)),
    );
    const read = messages
      .map((m) => JSON.parse(m.value))
      .find((e) => e.type === 'personal_data.read' && e.referralId === referral.referralId && e.actor.sub === sub);
    expect(read.data.fields).toEqual(['participants.fullName']);

    expect(
      (
        await service.request('POST', `/api/cases/${referral.caseId}/declarations`, {
          token: mediator,
          body: { conflictOfInterest: false },
        })
      ).status,
    ).toBe(201);
    const after = await service.request('GET', `/api/cases/${referral.caseId}`, { token: mediator });
    expect(after.status).toBe(200);
    const harmed = after.body.participants.find((p: { id: string }) => p.id === referral.harmedId);
    expect(harmed).toMatchObject({
      role: 'harmed',
      fullName: 'Anna de Vries',
      contact: { email: 'anna@example.org', phone: '+31600000009' },
      preparation: expect.any(Object),
    });
    const responsible = after.body.participants.find((p: { id: string }) => p.id === referral.responsibleId);
    expect(responsible.guardian).toMatchObject({ fullName: 'Els Jansen', contact: { email: 'els@example.org' } });
    expect(after.body.dialogueGate).toBeDefined();
  });
});
