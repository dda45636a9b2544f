/**
 * A case from the partner's side (mediation-scheduling): the accepted offer becomes a case, the
 * partner proposes a mediator, the mediator declares no conflict, and then records what
 * preparation asks for. Each step is refused by the service when a rule is not met.
 */
import { tokenOf, type SeedContext, type SeededMediator, type SeededOffice, type SeededPartner } from '../context';
import { describe } from '../http';
import { waitFor } from '../poll';
import { waitForReferral } from './intake';
import { acceptOffer, waitForPendingOffer } from './offers';

export interface OpenCase {
  caseId: string;
  referralId: string;
  harmedId: string;
  responsibleId: string;
  partner: SeededPartner;
  mediator: SeededMediator;
}

interface CaseView {
  id: string;
  status: string;
  participants: { id: string; role: 'harmed' | 'responsible' }[];
}

type Risk = 'proceed' | 'indirect_only' | 'stop';
type Purpose = 'participation' | 'share_outcome_with_referrer' | 'receive_outcome';
type Decision = 'given' | 'declined' | 'withdrawn';

/** Accepts the partner's offer, waits for the case, and assigns the mediator (proposed, no conflict declared). */
export async function openCase(
  ctx: SeedContext,
  office: SeededOffice,
  partner: SeededPartner,
  referralId: string,
  mediator: SeededMediator,
): Promise<OpenCase> {
  await acceptOffer(ctx, partner, await waitForPendingOffer(ctx, partner, referralId));
  const { caseId } = await waitForReferral(ctx, office, referralId, 'to have its case', (view) => !!view.caseId);
  const partnerAdmin = await tokenOf(ctx, partner.admin);
  const kase = await waitFor(`case ${caseId} at ${partner.name}`, async (note) => {
    const answer = await ctx.api.call<CaseView>('mediation-scheduling', 'GET', `/api/cases/${caseId}`, {
      token: partnerAdmin,
    });
    note(describe(answer));
    return answer.status === 200 ? answer.body : undefined;
  });
  await ctx.api.expect('propose the mediator', 201, 'mediation-scheduling', 'POST', `/api/cases/${caseId}/mediators`, {
    token: partnerAdmin,
    body: { mediatorId: mediator.sub },
  });
  const open: OpenCase = {
    caseId: kase.id,
    referralId,
    harmedId: participantOf(kase, 'harmed'),
    responsibleId: participantOf(kase, 'responsible'),
    partner,
    mediator,
  };
  await step(ctx, open, 'declare no conflict of interest', '/declarations', { conflictOfInterest: false });
  return open;
}

function participantOf(kase: CaseView, role: 'harmed' | 'responsible'): string {
  const participant = kase.participants.find((p) => p.role === role);
  if (!participant) throw new Error(`case ${kase.id} has no ${role} participant`);
  return participant.id;
}

/** One of the mediator's steps on the case. */
export async function step<T = unknown>(
  ctx: SeedContext,
  open: OpenCase,
  what: string,
  path: string,
  body: unknown,
  status: number | number[] = 201,
): Promise<T> {
  return ctx.api.expect<T>(what, status, 'mediation-scheduling', 'POST', `/api/cases/${open.caseId}${path}`, {
    token: await tokenOf(ctx, open.mediator.claims),
    body,
  });
}

export const inform = (ctx: SeedContext, open: OpenCase, participantId: string, language: string) =>
  step(ctx, open, 'record the information given', '/information', {
    participantId,
    informationVersion: 'demo-info-pack-v2',
    language,
  });

export const consent = (
  ctx: SeedContext,
  open: OpenCase,
  participantId: string,
  purpose: Purpose,
  decision: Decision,
  byGuardian = false,
) =>
  step(ctx, open, `record ${purpose} ${decision}${byGuardian ? ' by the guardian' : ''}`, '/consents', {
    participantId,
    purpose,
    decision,
    ...(byGuardian ? { byGuardian } : {}),
  });

export const assessRisk = (
  ctx: SeedContext,
  open: OpenCase,
  participantId: string,
  outcome: Risk,
  factors: string[] = [],
) => step(ctx, open, 'record a risk assessment', '/risk-assessments', { participantId, outcome, factors });

export const acknowledge = (ctx: SeedContext, open: OpenCase) =>
  step(ctx, open, 'record the acknowledgement', '/acknowledgements', { participantId: open.responsibleId });

/** A session that took place in the mediator's next free hour, everyone present. */
export function holdSession(
  ctx: SeedContext,
  open: OpenCase,
  kind: 'preparation' | 'joint_dialogue' | 'indirect_dialogue',
  participantIds: string[],
) {
  const slot = ctx.calendar.heldSlot(open.mediator.sub);
  return step(ctx, open, `record a held ${kind.replace('_', ' ')}`, '/sessions', {
    kind,
    ...slot,
    location: kind === 'preparation' ? 'Programme office, meeting room 1' : 'Community centre, quiet room',
    participantIds,
    mediatorIds: [open.mediator.sub],
    attendance: participantIds.map((participantId) => ({ participantId, present: true })),
  });
}

/** A session booked in the mediator's next free slot in the coming days. */
export function planSession(
  ctx: SeedContext,
  open: OpenCase,
  kind: 'preparation' | 'joint_dialogue' | 'indirect_dialogue',
  participantIds: string[],
) {
  const slot = ctx.calendar.plannedSlot(open.mediator.sub);
  return step(ctx, open, `book a ${kind.replace('_', ' ')}`, '/sessions', {
    kind,
    ...slot,
    location:
      kind === 'indirect_dialogue' ? 'Separate rooms, shuttle by the mediator' : 'Programme office, meeting room 2',
    participantIds,
    mediatorIds: [open.mediator.sub],
  });
}

/**
 * Everything the dialogue gate asks of both parties: information, participation consent, a
 * risk assessment, a held preparation meeting each, and the acknowledgement of the person
 * responsible.
 */
export async function prepareBoth(
  ctx: SeedContext,
  open: OpenCase,
  options: { risk?: Risk; languages: { harmed: string; responsible: string } },
): Promise<void> {
  const risk = options.risk ?? 'proceed';
  for (const [participantId, language] of [
    [open.harmedId, options.languages.harmed],
    [open.responsibleId, options.languages.responsible],
  ] as const) {
    await inform(ctx, open, participantId, language);
    await consent(ctx, open, participantId, 'participation', 'given');
    await assessRisk(ctx, open, participantId, risk);
    await holdSession(ctx, open, 'preparation', [participantId]);
  }
  await acknowledge(ctx, open);
}

/** Both parties agree that the prosecutor may see the terms; the person harmed asks to be told the outcome. */
export async function consentToReporting(ctx: SeedContext, open: OpenCase, shareTerms: boolean): Promise<void> {
  for (const participantId of [open.harmedId, open.responsibleId]) {
    await consent(ctx, open, participantId, 'share_outcome_with_referrer', shareTerms ? 'given' : 'declined');
  }
  await consent(ctx, open, open.harmedId, 'receive_outcome', 'given');
}

export const conclude = (
  ctx: SeedContext,
  open: OpenCase,
  body:
    | { agreementReached: true }
    | { agreementReached: false; reasonCode: 'dialogue_not_held' | 'no_agreement' | 'not_suitable' },
) => step(ctx, open, 'conclude the case', '/conclude', body, 200);
