/**
 * One case driven through the public HTTP APIs only, by the people who would drive it: a
 * prosecutor refers, a partner answers the offer, its admin assigns a mediator, the mediator
 * prepares, holds the dialogue and concludes, outcome-tracking records the agreement. Each
 * plan ends in a different final state, so the fault run checks more than one path.
 */
import { randomUUID } from 'node:crypto';
import type { RunningPlatform } from '../e2e/platform';
import { qualifyingPractice } from '@rj/scheduling/domain';
import type { Resilient } from './resilient-client';

export const PLANS = [
  'completed',
  'returned',
  'withdrawn_mid',
  'withdrawn_early',
  'in_progress',
  'ineligible',
  'unmatched',
] as const;
export type Plan = (typeof PLANS)[number];

/** The referral status each plan must end in (api.md, Referral status). */
export const EXPECTED_STATUS: Record<Plan, string> = {
  completed: 'completed',
  returned: 'returned',
  withdrawn_mid: 'withdrawn',
  withdrawn_early: 'withdrawn',
  in_progress: 'in_progress',
  ineligible: 'ineligible',
  unmatched: 'unmatched',
};

/** Categories: the general partners take these; only the slow partner takes `fraud`; `domestic_violence` is excluded by default policy. */
export const GENERAL_CATEGORIES = ['property_damage', 'theft', 'assault'];
export const SLOW_CATEGORY = 'fraud';

export interface CaseRecord {
  index: number;
  plan: Plan;
  declineFirst: boolean;
  referralId?: string;
  partnerId?: string;
  caseId?: string;
  /** Sessions the driver created (id → expected final status). */
  sessions: Record<string, string>;
  /** Stop once outcome-tracking awaits the agreement (the graceful-shutdown test records its own). */
  stopBeforeAgreement?: boolean;
  error?: string;
}

export interface World {
  platform: RunningPlatform;
  http: Resilient;
  officeId: string;
  prosecutor: string;
  admin: string;
}

const isoIn = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const dateIn = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function referralBody(record: CaseRecord) {
  const category =
    record.plan === 'ineligible'
      ? 'domestic_violence'
      : record.plan === 'unmatched'
        ? SLOW_CATEGORY
        : GENERAL_CATEGORIES[record.index % GENERAL_CATEGORIES.length];
  const party = (role: 'harmed' | 'responsible', name: string) => ({
    role,
    fullName: `${name} ${record.index}`,
    minor: false,
    contact: { email: `${role}.${record.index}@chaos.example`, safeChannels: ['email'] },
    preferredLanguage: 'nl',
    interpreter: false,
  });
  return {
    source: 'prosecutor',
    caseNumber: `CHAOS-${record.index}`,
    jurisdiction: 'NL-NH',
    offense: { code: 'SR-350', category, severity: 'misdemeanor' },
    incidentDate: '2025-01-15',
    stage: 'pre_trial',
    protectiveOrder: false,
    reportBackBy: '2099-09-30',
    parties: [party('harmed', 'Anna'), party('responsible', 'Tom')],
  };
}

export async function driveCase(world: World, record: CaseRecord): Promise<void> {
  const { http, prosecutor } = world;
  const submitted = await http.call('referral-intake', 'POST', '/api/referrals', {
    token: prosecutor,
    body: referralBody(record),
    headers: { 'idempotency-key': `chaos-${record.index}-${randomUUID()}` },
  });
  record.referralId = submitted.body.id;
  const referralId = submitted.body.id as string;
  if (record.plan === 'ineligible' || record.plan === 'unmatched') return; // screening / expiry do the rest

  if (record.plan === 'withdrawn_early') {
    await withdraw(world, referralId);
    return;
  }

  let offer = await pendingOffer(world, referralId, []);
  if (record.declineFirst) {
    await http.call('partner-matching', 'POST', `/api/offers/${offer.id}/decline`, {
      token: partnerAdmin(world, offer.partnerId),
      body: { reasonCode: 'no_capacity' },
    });
    offer = await pendingOffer(world, referralId, [offer.id]);
  }
  await http.call('partner-matching', 'POST', `/api/offers/${offer.id}/accept`, {
    token: partnerAdmin(world, offer.partnerId),
  });
  record.partnerId = offer.partnerId;
  const referral = await http.until(
    'referral-intake',
    `/api/referrals/${referralId}`,
    prosecutor,
    (body: any) => Boolean(body?.caseId),
    'case.opened at intake',
  );
  record.caseId = referral.caseId as string;
  await mediate(world, record);
}

function partnerAdmin(world: World, partnerId: string): string {
  return world.platform.token('partner_admin', partnerId, `admin-${partnerId}`);
}

async function pendingOffer(
  world: World,
  referralId: string,
  answered: string[],
): Promise<{ id: string; partnerId: string }> {
  const match = await world.http.until(
    'partner-matching',
    `/api/referrals/${referralId}/match`,
    world.prosecutor,
    (body: any, status) =>
      status === 200 && body.offers.some((o: any) => o.status === 'pending' && !answered.includes(o.id)),
    `a pending offer for ${referralId}`,
  );
  return match.offers.find((o: any) => o.status === 'pending' && !answered.includes(o.id));
}

async function withdraw(world: World, referralId: string): Promise<void> {
  await world.http.call('referral-intake', 'POST', `/api/referrals/${referralId}/withdraw`, {
    token: world.prosecutor,
    body: { reasonCode: 'charges_dropped' },
  });
}

/**
 * The partner's admin records what makes the mediator proposable and a platform admin verifies
 * it (issue 22). A retried record may be stored twice: a duplicate changes nothing.
 */
async function qualify(world: World, partnerAdminToken: string, sub: string): Promise<void> {
  for (const call of qualifyingPractice()) {
    const recorded = await world.http.call('mediation-scheduling', 'POST', `/api/mediators/${sub}/${call.path}`, {
      token: partnerAdminToken,
      body: call.body,
    });
    if (call.verify)
      await world.http.call('mediation-scheduling', 'POST', `/api/practice-records/${recorded.body.id}/verification`, {
        token: world.admin,
      });
  }
}

/** From an opened case to the plan's end: every step a mediator takes through the APIs. */
async function mediate(world: World, record: CaseRecord): Promise<void> {
  const { http, platform } = world;
  const caseId = record.caseId as string;
  const partnerId = record.partnerId as string;
  const admin = partnerAdmin(world, partnerId);
  // One mediator per case: two cases never double-book the same person.
  const sub = `mediator-${record.index}`;
  const mediator = platform.token('mediator', partnerId, sub);
  await http.call('mediation-scheduling', 'POST', '/api/mediators', {
    token: admin,
    body: { sub, fullName: `Mediator ${record.index}`, contact: { email: `${sub}@partner.example` }, specialties: [] },
    accept: (s) => s === 201 || s === 409,
  });
  await qualify(world, admin, sub);
  const kase = await http.until(
    'mediation-scheduling',
    `/api/cases/${caseId}`,
    admin,
    (_b, status) => status === 200,
    'the case at scheduling',
  );
  await http.call('mediation-scheduling', 'POST', `/api/cases/${caseId}/mediators`, {
    token: admin,
    body: { mediatorId: sub },
  });
  await http.call('mediation-scheduling', 'POST', `/api/cases/${caseId}/declarations`, {
    token: mediator,
    body: { conflictOfInterest: false },
  });
  const harmed = kase.participants.find((p: any) => p.role === 'harmed').id as string;
  const responsible = kase.participants.find((p: any) => p.role === 'responsible').id as string;
  const post = (path: string, body: unknown) =>
    http.call('mediation-scheduling', 'POST', `/api/cases/${caseId}${path}`, { token: mediator, body });

  if (record.plan === 'returned') {
    await post('/conclude', { agreementReached: false, reasonCode: 'dialogue_not_held' });
    return;
  }

  for (const [n, participantId] of [harmed, responsible].entries()) {
    await post('/information', { participantId, informationVersion: 'adult-v3', language: 'nl' });
    await post('/consents', { participantId, purpose: 'participation', decision: 'given' });
    await post('/risk-assessments', { participantId, outcome: 'proceed', factors: [] });
    if (record.plan === 'completed' || n === 0) {
      // A preparation already held (recorded late, within the window): the session completes.
      const held = await post('/sessions', {
        kind: 'preparation',
        startsAt: isoIn(-240 + n * 60),
        endsAt: isoIn(-210 + n * 60),
        participantIds: [participantId],
        mediatorIds: [sub],
        attendance: [{ participantId, present: true }],
      });
      if (held.body?.id) record.sessions[held.body.id] = 'completed';
    }
  }
  await post('/acknowledgements', { participantId: responsible });

  if (record.plan === 'in_progress' || record.plan === 'withdrawn_mid') {
    // A future meeting: reminders are planned for it; a withdrawal must cancel both.
    const planned = await post('/sessions', {
      kind: 'preparation',
      startsAt: isoIn(3),
      endsAt: isoIn(33),
      location: 'Office',
      participantIds: [responsible],
      mediatorIds: [sub],
    });
    if (planned.body?.id)
      record.sessions[planned.body.id] = record.plan === 'withdrawn_mid' ? 'cancelled' : 'scheduled';
    if (record.plan === 'withdrawn_mid') await withdraw(world, record.referralId as string);
    return;
  }

  const dialogue = await post('/sessions', {
    kind: 'joint_dialogue',
    startsAt: isoIn(-90),
    endsAt: isoIn(-30),
    location: 'Community centre',
    participantIds: [harmed, responsible],
    mediatorIds: [sub],
    attendance: [
      { participantId: harmed, present: true },
      { participantId: responsible, present: true },
    ],
  });
  if (dialogue.body?.id) record.sessions[dialogue.body.id] = 'completed';
  await post('/conclude', { agreementReached: true });
  await http.until(
    'outcome-tracking',
    `/api/cases/${caseId}/outcome`,
    mediator,
    (body: any, status) => status === 200 && body.status === 'awaiting_agreement',
    'the concluded case at outcome-tracking',
  );
  if (record.stopBeforeAgreement) return;
  const recorded = await http.call('outcome-tracking', 'POST', `/api/cases/${caseId}/agreement`, {
    token: mediator,
    body: { terms: [{ kind: 'apology_letter', dueBy: dateIn(30) }], consentedBy: [harmed, responsible] },
  });
  // A lost answer to a POST that was applied: the agreement is read back instead.
  const agreement =
    recorded.uncertain && recorded.status === 409
      ? (await http.call('outcome-tracking', 'GET', `/api/cases/${caseId}/outcome`, { token: mediator })).body.agreement
      : recorded.body.agreement;
  const agreementId = agreement.id as string;
  const termId = agreement.terms[0].id as string;
  await http.call('outcome-tracking', 'POST', `/api/agreements/${agreementId}/terms/${termId}/progress`, {
    token: mediator,
    body: { done: true },
  });
}
