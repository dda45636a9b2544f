import { expect } from '@jest/globals';
import { qualifyMediator } from './practice-records';
import type { SchedulingHarness, TestReferral } from './scheduling-harness';

export interface CaseActors {
  admin: string;
  mediator: string;
  mediatorSub: string;
}

/** The partner's admin registers a mediator (with verified credentials), proposes them, and they declare no conflict. */
export async function assignMediator(
  harness: SchedulingHarness,
  referral: TestReferral & { caseId: string },
  sub = `mediator-${referral.caseId.slice(-8)}`,
): Promise<CaseActors> {
  const { service } = harness;
  const admin = service.token('partner_admin', referral.partnerId, `admin-${referral.partnerId.slice(-6)}`);
  const mediator = service.token('mediator', referral.partnerId, sub);
  const registered = await service.request('POST', '/api/mediators', {
    token: admin,
    body: { sub, fullName: 'Mia Mediator', contact: { email: `${sub}@partner.example` }, specialties: [] },
  });
  expect([201, 409]).toContain(registered.status);
  if (registered.status === 201) await qualifyMediator(harness, admin, sub);
  expect(
    (
      await service.request('POST', `/api/cases/${referral.caseId}/mediators`, {
        token: admin,
        body: { mediatorId: sub },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await service.request('POST', `/api/cases/${referral.caseId}/declarations`, {
        token: mediator,
        body: { conflictOfInterest: false },
      })
    ).status,
  ).toBe(201);
  return { admin, mediator, mediatorSub: sub };
}

/** Records information and participation consent for a participant (what any session of theirs needs). */
export async function consentParticipant(
  harness: SchedulingHarness,
  caseId: string,
  token: string,
  participantId: string,
): Promise<void> {
  const post = (path: string, body: object) =>
    harness.service.request('POST', `/api/cases/${caseId}${path}`, { token, body });
  expect((await post('/information', { participantId, informationVersion: 'adult-v3', language: 'nl' })).status).toBe(
    201,
  );
  expect((await post('/consents', { participantId, purpose: 'participation', decision: 'given' })).status).toBe(201);
}

export const inMinutes = (minutes: number, from = Date.now()) => new Date(from + minutes * 60_000).toISOString();

type OpenCase = TestReferral & { caseId: string };

/** Records a preparation meeting held an hour ago with one participant (a late record, within the window). */
export async function holdPreparation(
  harness: SchedulingHarness,
  referral: OpenCase,
  actors: CaseActors,
  participantId: string,
  hoursAgo = 2,
): Promise<void> {
  const body = {
    kind: 'preparation',
    startsAt: inMinutes(-60 * hoursAgo),
    endsAt: inMinutes(-60 * hoursAgo + 45),
    participantIds: [participantId],
    mediatorIds: [actors.mediatorSub],
    attendance: [{ participantId, present: true }],
  };
  const recorded = await harness.service.request('POST', `/api/cases/${referral.caseId}/sessions`, {
    token: actors.mediator,
    body,
  });
  expect(recorded.status).toBe(201);
}

/** A case whose dialogue gate is open: every condition of api.md's gate holds for both parties. */
export async function readyCase(harness: SchedulingHarness, referral: OpenCase): Promise<CaseActors> {
  const actors = await assignMediator(harness, referral);
  const post = (path: string, body: object) =>
    harness.service.request('POST', `/api/cases/${referral.caseId}${path}`, { token: actors.mediator, body });
  for (const [index, participantId] of [referral.harmedId, referral.responsibleId].entries()) {
    await consentParticipant(harness, referral.caseId, actors.mediator, participantId);
    expect((await post('/risk-assessments', { participantId, outcome: 'proceed', factors: [] })).status).toBe(201);
    await holdPreparation(harness, referral, actors, participantId, 3 + index);
  }
  expect((await post('/acknowledgements', { participantId: referral.responsibleId })).status).toBe(201);
  return actors;
}
