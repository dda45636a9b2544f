/**
 * Cases past the dialogue: an agreement under way, kept in full (completed), or the ways a
 * case returns to the prosecutor — a party declined, no agreement, terms not kept. Reason
 * codes stay neutral: nothing says who chose what.
 */
import type { SeedContext, SeededOrganisations } from '../context';
import type { PlannedReferral } from '../plan';
import { conclude, consent, inform, openCase } from '../steps/case';
import { waitForStatus } from '../steps/intake';
import { closeUnfulfilled, dueIn, eur, recordAgreement, recordProgress, type TermInput } from '../steps/outcome';
import { throughDialogue } from './dialogue';
import { mediatorFor, reachOffer } from './route';

export type AgreementKind = 'restitution' | 'community_service';

function termsOf(ctx: SeedContext, kind: AgreementKind): TermInput[] {
  return kind === 'restitution'
    ? [
        { kind: 'restitution', dueBy: dueIn(ctx, 90), amount: eur('300.00'), instalments: 3, recipient: 'harmed' },
        { kind: 'programme', dueBy: dueIn(ctx, 60), description: 'Anger management course (demo)' },
      ]
    : [
        { kind: 'community_service', dueBy: dueIn(ctx, 75), hours: 24 },
        { kind: 'apology_letter', dueBy: dueIn(ctx, 21), description: 'A letter to the person harmed (demo)' },
      ];
}

/** The agreement is running: some of it done, the rest due in the coming months. */
export async function agreementRunning(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral & { journey: { state: 'agreement_running' } },
): Promise<string> {
  const { open, partner } = await throughDialogue(ctx, world, planned, { shareTerms: true });
  await conclude(ctx, open, { agreementReached: true });
  const agreement = await recordAgreement(ctx, open, termsOf(ctx, planned.journey.terms));
  if (planned.journey.terms === 'restitution') {
    await recordProgress(ctx, open, agreement, 0, { amount: eur('100.00') });
  } else {
    await recordProgress(ctx, open, agreement, 0, { hours: 8 });
    await recordProgress(ctx, open, agreement, 1, { done: true });
  }
  return `agreement running at ${partner.name}: ${agreement.terms.map((t) => t.kind).join(' + ')}, partly done`;
}

/** Every term kept: the case completes and the prosecutor's report is ready. */
export async function completed(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral & { journey: { state: 'completed' } },
): Promise<string> {
  const { shareTerms } = planned.journey;
  const { open, office, partner } = await throughDialogue(ctx, world, planned, { shareTerms });
  await conclude(ctx, open, { agreementReached: true });
  const agreement = await recordAgreement(ctx, open, [
    { kind: 'restitution', dueBy: dueIn(ctx, 30), amount: eur('150.00'), recipient: 'harmed' },
    { kind: 'apology_letter', dueBy: dueIn(ctx, 14), description: 'A letter to the person harmed (demo)' },
  ]);
  await recordProgress(ctx, open, agreement, 0, { amount: eur('150.00') });
  await recordProgress(ctx, open, agreement, 1, { done: true });
  await waitForStatus(ctx, office, open.referralId, 'completed');
  return `completed at ${partner.name}; report ${shareTerms ? 'with the terms (both parties consented)' : 'with the result only'}`;
}

export type ReturnReason = 'participation_declined' | 'no_agreement' | 'agreement_not_completed';

/** Back to the prosecutor with a neutral reason code. */
export async function returned(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral & { journey: { state: 'returned' } },
): Promise<string> {
  const { why } = planned.journey;
  if (why === 'participation_declined') {
    const { office, partner, referral } = await reachOffer(ctx, world, planned);
    const open = await openCase(ctx, office, partner, referral.id, mediatorFor(world, planned));
    await inform(ctx, open, open.harmedId, planned.facts.languages.harmed);
    await consent(ctx, open, open.harmedId, 'participation', 'declined');
    await conclude(ctx, open, { agreementReached: false, reasonCode: 'dialogue_not_held' });
    await waitForStatus(ctx, office, referral.id, 'returned');
    return `returned by ${partner.name}: dialogue not held`;
  }
  const { open, office, partner } = await throughDialogue(ctx, world, planned, { shareTerms: true });
  if (why === 'no_agreement') {
    await conclude(ctx, open, { agreementReached: false, reasonCode: 'no_agreement' });
  } else {
    await conclude(ctx, open, { agreementReached: true });
    const agreement = await recordAgreement(ctx, open, [
      { kind: 'community_service', dueBy: dueIn(ctx, 45), hours: 16 },
    ]);
    await recordProgress(ctx, open, agreement, 0, { hours: 4 });
    await closeUnfulfilled(ctx, open);
  }
  await waitForStatus(ctx, office, open.referralId, 'returned');
  return `returned by ${partner.name}: ${why.replace(/_/g, ' ')}`;
}
