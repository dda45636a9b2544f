import { readTopics } from '@rj/shared/testing';
import { inMinutes, readyCase } from '../test/case-actors';
import { openCase, startSchedulingHarness, topicsOf, type SchedulingHarness } from '../test/scheduling-harness';

describe('a stop assessment and concluding a case', () => {
  let harness: SchedulingHarness;

  beforeAll(async () => {
    harness = await startSchedulingHarness();
  });
  afterAll(() => harness?.close());

  it('on stop cancels the sessions, holds the case, and leaves only conclusion, with a neutral reason', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, referral);
    const both = [referral.harmedId, referral.responsibleId];
    const post = (path: string, body: object) =>
      harness.service.request('POST', `/api/cases/${referral.caseId}${path}`, { token: actors.mediator, body });
    const dialogue = {
      kind: 'joint_dialogue',
      startsAt: inMinutes(60 * 24 * 4),
      endsAt: inMinutes(60 * 24 * 4 + 60),
      participantIds: both,
      mediatorIds: [actors.mediatorSub],
    };
    const booked = await post('/sessions', dialogue);
    expect(booked.status).toBe(201);

    const stop = await post('/risk-assessments', {
      participantId: referral.responsibleId,
      outcome: 'stop',
      factors: ['threat'],
    });
    expect(stop).toMatchObject({ status: 201, body: { caseStatus: 'on_hold', holdReason: 'risk_stop' } });
    const [session] = await harness.service.dataSource.query(
      'select status, cancel_reason_code from session where id = $1',
      [booked.body.id],
    );
    expect(session).toEqual({ status: 'cancelled', cancel_reason_code: 'risk_stop' });
    expect(await post('/sessions', { ...dialogue, kind: 'indirect_dialogue' })).toMatchObject({
      status: 409,
      body: { rule: 'case_on_hold_risk_stop' },
    });

    expect(await post('/conclude', { agreementReached: true })).toMatchObject({
      status: 409,
      body: { rule: 'agreement_needs_dialogue' },
    });
    expect(await post('/conclude', { agreementReached: false, reasonCode: 'referral_withdrawn' })).toMatchObject({
      status: 409,
      body: { rule: 'reason_code_reserved' },
    });
    expect((await post('/conclude', { agreementReached: false })).status).toBe(400);
    expect(await post('/conclude', { agreementReached: false, reasonCode: 'not_suitable' })).toMatchObject({
      status: 200,
      body: { status: 'concluded' },
    });
    expect(
      await post('/information', { participantId: referral.harmedId, informationVersion: 'v2', language: 'nl' }),
    ).toMatchObject({ status: 409, body: { rule: 'case_concluded' } });

    const messages = await readTopics(topicsOf(harness), (read) =>
      read.some((m) => m.value.includes('"case.concluded"') && m.value.includes(referral.caseId)),
    );
    const events = messages.map((m) => JSON.parse(m.value)).filter((e) => e.referralId === referral.referralId);
    expect(events.find((e) => e.type === 'case.on_hold')?.data).toEqual({
      caseId: referral.caseId,
      reasonCode: 'risk_stop',
    });
    expect(events.find((e) => e.type === 'case.concluded')?.data).toEqual({
      caseId: referral.caseId,
      agreementReached: false,
      reasonCode: 'not_suitable',
    });
  });

  it('refuses participation consent before the information was recorded', async () => {
    const referral = await openCase(harness);
    const actors = await readyCase(harness, { ...referral });
    const fresh = await openCase(harness, { partnerId: referral.partnerId });
    const admin = harness.service.token('partner_admin', referral.partnerId, 'admin');
    expect(
      (
        await harness.service.request('POST', `/api/cases/${fresh.caseId}/mediators`, {
          token: admin,
          body: { mediatorId: actors.mediatorSub },
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await harness.service.request('POST', `/api/cases/${fresh.caseId}/declarations`, {
          token: actors.mediator,
          body: { conflictOfInterest: false },
        })
      ).status,
    ).toBe(201);
    const consent = await harness.service.request('POST', `/api/cases/${fresh.caseId}/consents`, {
      token: actors.mediator,
      body: { participantId: fresh.harmedId, purpose: 'participation', decision: 'given' },
    });
    expect(consent).toMatchObject({ status: 409, body: { rule: 'consent_needs_information' } });
  });
});
