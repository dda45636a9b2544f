/**
 * A case from the partner's side: the offer accepted, the case opened, a mediator registered,
 * proposed and free of conflict, and the steps of preparation that open the dialogue gate.
 */
import { qualifyingPractice } from '@rj/scheduling/domain';
import type { RunningPlatform } from '../platform';
import { eventuallyBody, eventuallyStatus, expectStatus, pendingOffer, tag, type Partner } from './actors';

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
  return expectStatus(
    await platform.request('partner-matching', 'POST', `/api/offers/${offer.id}/accept`, { token: partner.admin }),
    200,
    'accept offer',
  ).body;
}

/** The case the accepting partner's admin sees once scheduling consumed offer.accepted. */
export async function caseOf(platform: RunningPlatform, partner: Partner, referralId: string): Promise<any> {
  const page = await eventuallyBody(
    platform,
    'mediation-scheduling',
    '/api/cases',
    partner.admin,
    (b: any) => b.items.some((c: any) => c.referralId === referralId),
    `case of ${referralId}`,
  );
  const { id } = page.items.find((c: any) => c.referralId === referralId);
  return expectStatus(
    await platform.request('mediation-scheduling', 'GET', `/api/cases/${id}`, { token: partner.admin }),
    200,
    'read case',
  ).body;
}

export interface Mediator {
  mediator: string;
  mediatorSub: string;
  /** The practice records that make them proposable (issue 22), all verified. */
  practiceRecordIds?: string[];
}

/**
 * The partner's admin records what makes a mediator proposable for any case (credentials,
 * checks, co-facilitated cases) and a platform admin verifies it (issue 22). Returns the ids.
 */
export async function qualifyMediator(
  platform: RunningPlatform,
  partner: Partner,
  mediatorSub: string,
): Promise<string[]> {
  const admin = platform.token('admin', null, 'admin-practice');
  const ids: string[] = [];
  for (const call of qualifyingPractice()) {
    const recorded = expectStatus(
      await platform.request('mediation-scheduling', 'POST', `/api/mediators/${mediatorSub}/${call.path}`, {
        token: partner.admin,
        body: call.body,
      }),
      201,
      `record ${call.path}`,
    );
    ids.push(recorded.body.id);
    if (call.verify)
      expectStatus(
        await platform.request(
          'mediation-scheduling',
          'POST',
          `/api/practice-records/${recorded.body.id}/verification`,
          { token: admin },
        ),
        200,
        'verify practice record',
      );
  }
  return ids;
}

/** A mediator of the partner, registered by its admin with verified credentials; `mediator` is their token. */
export async function registerMediator(
  platform: RunningPlatform,
  partner: Partner,
): Promise<Mediator & { practiceRecordIds: string[] }> {
  const mediatorSub = `mediator-${tag()}`;
  expectStatus(
    await platform.request('mediation-scheduling', 'POST', '/api/mediators', {
      token: partner.admin,
      body: {
        sub: mediatorSub,
        fullName: `Mia Mediator ${mediatorSub}`,
        contact: { email: `${mediatorSub}@partner.example` },
        specialties: [],
      },
    }),
    201,
    'register mediator',
  );
  const practiceRecordIds = await qualifyMediator(platform, partner, mediatorSub);
  return { mediator: platform.token('mediator', partner.id, mediatorSub), mediatorSub, practiceRecordIds };
}

/** Proposes a mediator of the partner (a new one unless given) and has them declare no conflict. */
export async function assignMediator(
  platform: RunningPlatform,
  partner: Partner,
  caseId: string,
  who?: Mediator,
): Promise<Mediator> {
  const { mediator, mediatorSub } = who ?? (await registerMediator(platform, partner));
  expectStatus(
    await platform.request('mediation-scheduling', 'POST', `/api/cases/${caseId}/mediators`, {
      token: partner.admin,
      body: { mediatorId: mediatorSub },
    }),
    201,
    'propose mediator',
  );
  expectStatus(
    await platform.request('mediation-scheduling', 'POST', `/api/cases/${caseId}/declarations`, {
      token: mediator,
      body: { conflictOfInterest: false },
    }),
    201,
    'declare no conflict',
  );
  return { mediator, mediatorSub };
}

/** Accepts the offer and brings the case to an assigned mediator. */
export async function openCase(
  platform: RunningPlatform,
  partner: Partner,
  referralId: string,
  who?: Mediator,
): Promise<OpenCase> {
  await acceptOffer(platform, partner, referralId);
  const kase = await caseOf(platform, partner, referralId);
  const harmedId = kase.participants.find((p: any) => p.role === 'harmed').id;
  const responsibleId = kase.participants.find((p: any) => p.role === 'responsible').id;
  const assigned = await assignMediator(platform, partner, kase.id, who);
  return { caseId: kase.id, referralId, harmedId, responsibleId, ...assigned };
}

export function caseStep(platform: RunningPlatform, open: OpenCase, path: string, body: unknown) {
  return platform.request('mediation-scheduling', 'POST', `/api/cases/${open.caseId}${path}`, {
    token: open.mediator,
    body,
  });
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
 * consent, a risk assessment (`risk` each), a held preparation (`hoursAgo` and an hour later;
 * one mediator cannot be in two places at once), and the acknowledgement.
 */
export async function prepare(
  platform: RunningPlatform,
  open: OpenCase,
  risk: 'proceed' | 'indirect_only' = 'proceed',
  hoursAgo = 6,
): Promise<void> {
  for (const [index, participantId] of [open.harmedId, open.responsibleId].entries()) {
    expectStatus(
      await caseStep(platform, open, '/information', { participantId, informationVersion: 'adult-v3', language: 'nl' }),
      201,
      'record information',
    );
    expectStatus(
      await caseStep(platform, open, '/consents', { participantId, purpose: 'participation', decision: 'given' }),
      201,
      'participation consent',
    );
    expectStatus(
      await caseStep(platform, open, '/risk-assessments', { participantId, outcome: risk, factors: [] }),
      201,
      'risk assessment',
    );
    expectStatus(
      await caseStep(platform, open, '/sessions', heldSession(open, 'preparation', [participantId], hoursAgo - index)),
      201,
      'record preparation',
    );
  }
  expectStatus(
    await caseStep(platform, open, '/acknowledgements', { participantId: open.responsibleId }),
    201,
    'acknowledgement',
  );
}

/** The joint dialogue took place an hour ago and the mediator concludes with an agreement. */
export async function holdDialogueAndAgree(platform: RunningPlatform, open: OpenCase): Promise<void> {
  expectStatus(
    await caseStep(
      platform,
      open,
      '/sessions',
      heldSession(open, 'joint_dialogue', [open.harmedId, open.responsibleId], 1),
    ),
    201,
    'record dialogue',
  );
  expectStatus(await caseStep(platform, open, '/conclude', { agreementReached: true }), 200, 'conclude with agreement');
}

export const TERMS = (descriptionTag: string) => [
  { kind: 'restitution', dueBy: '2099-01-31', amount: { amount: '120.00', currency: 'EUR' }, recipient: 'harmed' },
  { kind: 'apology_letter', dueBy: '2099-01-31', description: `A letter to the shop ${descriptionTag}` },
];

/** Records the agreement once outcome-tracking has the concluded case; returns `{ id, terms }`. */
export async function recordAgreement(
  platform: RunningPlatform,
  open: OpenCase,
  terms: unknown[],
): Promise<{ id: string; terms: { id: string; kind: string }[] }> {
  const recorded = await eventuallyStatus(
    platform,
    'outcome-tracking',
    'POST',
    `/api/cases/${open.caseId}/agreement`,
    { token: open.mediator, body: { terms, consentedBy: [open.harmedId, open.responsibleId] } },
    201,
    'record agreement',
  );
  return recorded.body.agreement;
}

/** Every term kept: restitution paid in full, anything else done. */
export async function fulfil(
  platform: RunningPlatform,
  open: OpenCase,
  agreement: { id: string; terms: { id: string; kind: string }[] },
): Promise<void> {
  for (const term of agreement.terms) {
    const progress = term.kind === 'restitution' ? { amount: { amount: '120.00', currency: 'EUR' } } : { done: true };
    expectStatus(
      await platform.request('outcome-tracking', 'POST', `/api/agreements/${agreement.id}/terms/${term.id}/progress`, {
        token: open.mediator,
        body: progress,
      }),
      201,
      'record progress',
    );
  }
}
