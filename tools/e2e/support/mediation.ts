/**
 * A case from the partner's side: the offer accepted, the case opened, a mediator registered,
 * proposed and free of conflict, and the steps of preparation that open the dialogue gate.
 */
import type { RunningPlatform } from '../platform';
import { eventuallyBody, expectStatus, pendingOffer, tag, type Partner } from './actors';

export interface OpenCase {
  caseId: string;
  referralId: string;
  harmedId: string;
  responsibleId: string;
  mediator: string;
  mediatorSub: string;
}

export const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

export async function acceptOffer(platform: RunningPlatform, partner: Partner, referralId: string): Promise<any> {
  const offer = await pendingOffer(platform, partner, referralId);
  return expectStatus(await platform.request('partner-matching', 'POST', `/api/offers/${offer.id}/accept`, { token: partner.admin }), 200, 'accept offer').body;
}

/** The case the accepting partner's admin sees once scheduling consumed offer.accepted. */
export async function caseOf(platform: RunningPlatform, partner: Partner, referralId: string): Promise<any> {
  const page = await eventuallyBody(platform, 'mediation-scheduling', '/api/cases', partner.admin, (b: any) => b.items.some((c: any) => c.referralId === referralId), `case of ${referralId}`);
  const { id } = page.items.find((c: any) => c.referralId === referralId);
  return expectStatus(await platform.request('mediation-scheduling', 'GET', `/api/cases/${id}`, { token: partner.admin }), 200, 'read case').body;
}

/** Registers a mediator of the partner, proposes them and has them declare no conflict. */
export async function assignMediator(platform: RunningPlatform, partner: Partner, caseId: string): Promise<{ mediator: string; mediatorSub: string }> {
  const mediatorSub = `mediator-${tag()}`;
  const mediator = platform.token('mediator', partner.id, mediatorSub);
  expectStatus(
    await platform.request('mediation-scheduling', 'POST', '/api/mediators', {
      token: partner.admin,
      body: { sub: mediatorSub, fullName: `Mia Mediator ${mediatorSub}`, contact: { email: `${mediatorSub}@partner.example` }, specialties: [] },
    }),
    201,
    'register mediator',
  );
  // The registration reaches the case's service by event as well: poll the proposal.
  expectStatus(await platform.request('mediation-scheduling', 'POST', `/api/cases/${caseId}/mediators`, { token: partner.admin, body: { mediatorId: mediatorSub } }), 201, 'propose mediator');
  expectStatus(await platform.request('mediation-scheduling', 'POST', `/api/cases/${caseId}/declarations`, { token: mediator, body: { conflictOfInterest: false } }), 201, 'declare no conflict');
  return { mediator, mediatorSub };
}

/** Accepts the offer and brings the case to an assigned mediator. */
export async function openCase(platform: RunningPlatform, partner: Partner, referralId: string): Promise<OpenCase> {
  await acceptOffer(platform, partner, referralId);
  const kase = await caseOf(platform, partner, referralId);
  const harmedId = kase.participants.find((p: any) => p.role === 'harmed').id;
  const responsibleId = kase.participants.find((p: any) => p.role === 'responsible').id;
  const assigned = await assignMediator(platform, partner, kase.id);
  return { caseId: kase.id, referralId, harmedId, responsibleId, ...assigned };
}

export function caseStep(platform: RunningPlatform, open: OpenCase, path: string, body: unknown) {
  return platform.request('mediation-scheduling', 'POST', `/api/cases/${open.caseId}${path}`, { token: open.mediator, body });
}

/** A session that already took place, recorded with everyone present (within the backdate window). */
export function heldSession(open: OpenCase, kind: string, participantIds: string[], hoursAgo: number) {
  return {
    kind,
    startsAt: inMinutes(-60 * hoursAgo),
    endsAt: inMinutes(-60 * hoursAgo + 45),
    location: 'Community centre, room 2',
    participantIds,
    mediatorIds: [open.mediatorSub],
    attendance: participantIds.map((participantId) => ({ participantId, present: true })),
  };
}

/**
 * Everything the dialogue gate asks of both parties (api.md): information, participation
 * consent, a risk assessment (`risk` each), a held preparation, and the acknowledgement.
 */
export async function prepare(platform: RunningPlatform, open: OpenCase, risk: 'proceed' | 'indirect_only' = 'proceed'): Promise<void> {
  for (const [index, participantId] of [open.harmedId, open.responsibleId].entries()) {
    expectStatus(await caseStep(platform, open, '/information', { participantId, informationVersion: 'adult-v3', language: 'nl' }), 201, 'record information');
    expectStatus(await caseStep(platform, open, '/consents', { participantId, purpose: 'participation', decision: 'given' }), 201, 'participation consent');
    expectStatus(await caseStep(platform, open, '/risk-assessments', { participantId, outcome: risk, factors: [] }), 201, 'risk assessment');
    expectStatus(await caseStep(platform, open, '/sessions', heldSession(open, 'preparation', [participantId], 6 - index)), 201, 'record preparation');
  }
  expectStatus(await caseStep(platform, open, '/acknowledgements', { participantId: open.responsibleId }), 201, 'acknowledgement');
}
