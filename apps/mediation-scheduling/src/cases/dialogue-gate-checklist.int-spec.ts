import { assignMediator, readyCase } from '../test/case-actors';
import { qualifyMediator } from '../test/practice-records';
import { openCase, startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

describe('GET /api/cases/{id}/gate', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const gate = (caseId: string, token: string) =>
    harness.service.request('GET', `/api/cases/${caseId}/gate`, { token });

  it('lists every unmet item per participant until the case is ready, then allows both dialogues', async () => {
    const referral = await openCase(harness);
    const actors = await assignMediator(harness, referral);
    const before = await gate(referral.caseId, actors.mediator);
    expect(before.status).toBe(200);
    expect(before.body.allowed).toEqual({ joint_dialogue: false, indirect_dialogue: false });
    const responsible = before.body.participants.find(
      (p: { participantId: string }) => p.participantId === referral.responsibleId,
    );
    expect(responsible.items).toEqual([
      { item: 'information', met: false },
      { item: 'participation_consent', met: false },
      { item: 'risk_assessment', met: false },
      { item: 'preparation', met: false },
      { item: 'acknowledgement', met: false },
    ]);
    expect(JSON.stringify(before.body)).not.toMatch(/Anna|Tom|example\.org/);

    const ready = await openCase(harness);
    const readyActors = await readyCase(harness, ready);
    const after = await gate(ready.caseId, readyActors.mediator);
    expect(after.body.allowed).toEqual({ joint_dialogue: true, indirect_dialogue: true });
    expect(after.body.participants.every((p: { items: { met: boolean }[] }) => p.items.every((item) => item.met))).toBe(
      true,
    );
    // The partner's admin reads it too.
    expect((await gate(ready.caseId, readyActors.admin)).status).toBe(200);
  });

  it('offers only an indirect dialogue after an indirect_only assessment, as the booking rule does', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    await harness.service.request('POST', `/api/cases/${referral.caseId}/risk-assessments`, {
      token: actors.mediator,
      body: { participantId: referral.harmedId, outcome: 'indirect_only', factors: [] },
    });
    const body = (await gate(referral.caseId, actors.mediator)).body;
    expect(body.allowed).toEqual({ joint_dialogue: false, indirect_dialogue: true });
    const booked = await harness.service.request('POST', `/api/cases/${referral.caseId}/sessions`, {
      token: actors.mediator,
      body: {
        kind: 'joint_dialogue',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 90_000_000).toISOString(),
        participantIds: [referral.harmedId, referral.responsibleId],
        mediatorIds: [actors.mediatorSub],
      },
    });
    expect(booked.status).toBe(409);
    expect(booked.body.unmet).toEqual(
      body.participants.flatMap((p: { unmet: { joint_dialogue: string[] } }) => p.unmet.joint_dialogue),
    );
  });

  it('asks for a risk reassessment after a disclosure recorded since the assessment, without closing the gate', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const reassessment = async () =>
      Object.fromEntries(
        (await gate(referral.caseId, actors.mediator)).body.participants.map(
          (p: { participantId: string; riskReassessment: string | null }) => [p.participantId, p.riskReassessment],
        ),
      );
    expect(await reassessment()).toEqual({ [referral.harmedId]: null, [referral.responsibleId]: null });
    const disclosed = await harness.service.request('POST', `/api/cases/${referral.caseId}/disclosures`, {
      token: actors.mediator,
      body: { legalBasis: 'imminent_harm', recipientKind: 'police', recipient: 'Duty officer' },
    });
    expect(disclosed.status).toBe(201);
    expect(await reassessment()).toEqual({
      [referral.harmedId]: 'disclosure_since_assessment',
      [referral.responsibleId]: 'disclosure_since_assessment',
    });
    expect((await gate(referral.caseId, actors.mediator)).body.allowed.joint_dialogue).toBe(true);
    // Assessing the person harmed again answers it for them.
    await harness.service.request('POST', `/api/cases/${referral.caseId}/risk-assessments`, {
      token: actors.mediator,
      body: { participantId: referral.harmedId, outcome: 'proceed', factors: [] },
    });
    expect(await reassessment()).toEqual({
      [referral.harmedId]: null,
      [referral.responsibleId]: 'disclosure_since_assessment',
    });
  });

  it('is 403 for a proposed mediator who has not declared, and 404 for another partner', async () => {
    const referral = await openCase(harness);
    const admin = harness.service.token('partner_admin', referral.partnerId, 'admin-gate');
    const sub = 'mediator-gate-undeclared';
    if (
      (
        await harness.service.request('POST', '/api/mediators', {
          token: admin,
          body: { sub, fullName: 'Una Declared', contact: { email: 'una@partner.example' }, specialties: [] },
        })
      ).status === 201
    )
      await qualifyMediator(harness, admin, sub);
    expect(
      (
        await harness.service.request('POST', `/api/cases/${referral.caseId}/mediators`, {
          token: admin,
          body: { mediatorId: sub },
        })
      ).status,
    ).toBe(201);
    const undeclared = await gate(referral.caseId, harness.service.token('mediator', referral.partnerId, sub));
    expect(undeclared.status).toBe(403);
    expect(
      (
        await gate(
          referral.caseId,
          harness.service.token('mediator', '0190a000-0000-7000-8000-0000000000e9', 'mediator-foreign'),
        )
      ).status,
    ).toBe(404);
    expect(
      (await gate(referral.caseId, harness.service.token('partner_admin', '0190a000-0000-7000-8000-0000000000e9')))
        .status,
    ).toBe(404);
    expect(
      (await gate(referral.caseId, harness.service.token('prosecutor', '0190a000-0000-7000-8000-0000000000e9'))).status,
    ).toBe(403);
  });
});
