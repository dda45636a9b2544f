import { assignMediator, consentParticipant, holdPreparation, inMinutes, readyCase } from '../test/case-actors';
import { qualifyMediator } from '../test/practice-records';
import { openCase, startSchedulingHarness, type SchedulingHarness } from '../test/scheduling-harness';

describe('the dialogue gate, enforced by the service', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  const dialogue = (
    caseId: string,
    token: string,
    kind: string,
    participantIds: string[],
    mediatorIds: string[],
    offsetDays = 3,
  ) =>
    harness.service.request('POST', `/api/cases/${caseId}/sessions`, {
      token,
      body: {
        kind,
        startsAt: inMinutes(60 * 24 * offsetDays),
        endsAt: inMinutes(60 * 24 * offsetDays + 90),
        location: 'Community centre',
        participantIds,
        mediatorIds,
      },
    });

  it('refuses a joint dialogue for each missing condition in turn, listing it, and allows it when all hold', async () => {
    const referral = await openCase(harness, { responsibleMinor: true });
    const { harmedId: h, responsibleId: r } = referral;
    const actors = await assignMediator(harness, referral);
    const post = (path: string, body: object) =>
      harness.service.request('POST', `/api/cases/${referral.caseId}${path}`, { token: actors.mediator, body });
    const unmet = async () => {
      const refused = await dialogue(referral.caseId, actors.mediator, 'joint_dialogue', [h, r], [actors.mediatorSub]);
      expect(refused.status).toBe(409);
      expect(refused.body.rule).toBe('dialogue_gate');
      return refused.body.unmet as string[];
    };

    expect(await unmet()).toEqual(expect.arrayContaining([`information_missing:${h}`, `information_missing:${r}`]));
    await consentParticipant(harness, referral.caseId, actors.mediator, h);
    await consentParticipant(harness, referral.caseId, actors.mediator, r);
    expect(await unmet()).not.toContain(`information_missing:${h}`);
    expect(await unmet()).toContain(`guardian_consent_missing:${r}`);

    expect(
      (await post('/consents', { participantId: r, purpose: 'participation', decision: 'given', byGuardian: true }))
        .status,
    ).toBe(201);
    expect(await unmet()).not.toContain(`guardian_consent_missing:${r}`);
    expect(await unmet()).toEqual(
      expect.arrayContaining([`risk_assessment_missing:${h}`, `risk_assessment_missing:${r}`]),
    );

    for (const participantId of [h, r])
      expect(
        (await post('/risk-assessments', { participantId, outcome: 'proceed', factors: ['prior_contact'] })).status,
      ).toBe(201);
    expect(await unmet()).toEqual(expect.arrayContaining([`preparation_not_held:${h}`, `preparation_not_held:${r}`]));

    await holdPreparation(harness, referral, actors, h, 3);
    await holdPreparation(harness, referral, actors, r, 5);
    expect(await unmet()).toEqual([`acknowledgement_missing:${r}`]);

    expect((await post('/acknowledgements', { participantId: r })).status).toBe(201);
    const allowed = await dialogue(referral.caseId, actors.mediator, 'joint_dialogue', [h, r], [actors.mediatorSub]);
    expect(allowed.status).toBe(201);
    expect(allowed.body).toMatchObject({ kind: 'joint_dialogue', status: 'scheduled' });
  });

  it('refuses a dialogue without every party listed, and a mediator who did not declare', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const onlyOne = await dialogue(
      referral.caseId,
      actors.mediator,
      'joint_dialogue',
      [referral.harmedId],
      [actors.mediatorSub],
    );
    expect(onlyOne.body.unmet).toContain(`participant_not_listed:${referral.responsibleId}`);
    const stranger = await dialogue(
      referral.caseId,
      actors.mediator,
      'joint_dialogue',
      [referral.harmedId, referral.responsibleId],
      ['not-on-the-case'],
    );
    expect(stranger.body.unmet).toContain('mediator_not_assigned:not-on-the-case');
  });

  it('lets indirect_only allow an indirect dialogue but never a joint one', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const both = [referral.harmedId, referral.responsibleId];
    const assessed = await harness.service.request('POST', `/api/cases/${referral.caseId}/risk-assessments`, {
      token: actors.mediator,
      body: { participantId: referral.harmedId, outcome: 'indirect_only', factors: [] },
    });
    expect(assessed.status).toBe(201);
    const joint = await dialogue(referral.caseId, actors.mediator, 'joint_dialogue', both, [actors.mediatorSub]);
    expect(joint.status).toBe(409);
    expect(joint.body.unmet).toEqual([`risk_indirect_only:${referral.harmedId}`]);
    expect(
      (await dialogue(referral.caseId, actors.mediator, 'indirect_dialogue', both, [actors.mediatorSub])).status,
    ).toBe(201);
  });

  it('lets a proposed mediator do nothing but declare; a conflicted one is off the case', async () => {
    const referral = await openCase(harness);
    const { service } = harness;
    const admin = service.token('partner_admin', referral.partnerId);
    for (const sub of ['mia-undeclared', 'max-conflicted']) {
      if (
        (
          await service.request('POST', '/api/mediators', {
            token: admin,
            body: { sub, fullName: 'A Mediator', contact: { email: `${sub}@partner.example` }, specialties: [] },
          })
        ).status === 201
      )
        await qualifyMediator(harness, admin, sub);
      expect(
        (
          await service.request('POST', `/api/cases/${referral.caseId}/mediators`, {
            token: admin,
            body: { mediatorId: sub },
          })
        ).status,
      ).toBe(201);
    }
    const mia = service.token('mediator', referral.partnerId, 'mia-undeclared');
    const information = { participantId: referral.harmedId, informationVersion: 'adult-v3', language: 'nl' };
    const before = await service.request('POST', `/api/cases/${referral.caseId}/information`, {
      token: mia,
      body: information,
    });
    expect(before).toMatchObject({ status: 403, body: { detail: 'declaration_required' } });
    expect((await service.request('GET', `/api/cases/${referral.caseId}/notes`, { token: mia })).status).toBe(403);
    expect(
      (
        await service.request('POST', `/api/cases/${referral.caseId}/declarations`, {
          token: mia,
          body: { conflictOfInterest: false },
        })
      ).status,
    ).toBe(201);
    expect(
      (await service.request('POST', `/api/cases/${referral.caseId}/information`, { token: mia, body: information }))
        .status,
    ).toBe(201);

    const max = service.token('mediator', referral.partnerId, 'max-conflicted');
    expect(
      (
        await service.request('POST', `/api/cases/${referral.caseId}/declarations`, {
          token: max,
          body: { conflictOfInterest: true },
        })
      ).status,
    ).toBe(201);
    expect((await service.request('GET', `/api/cases/${referral.caseId}`, { token: max })).status).toBe(404);
    expect(
      (await service.request('POST', `/api/cases/${referral.caseId}/information`, { token: max, body: information }))
        .status,
    ).toBe(404);
  });
});
