/** The shared middle of the later journeys: a prepared case whose dialogue took place. */
import type { SeedContext, SeededOffice, SeededOrganisations, SeededPartner } from '../context';
import type { PlannedReferral } from '../plan';
import { consentToReporting, holdSession, openCase, prepareBoth, type OpenCase } from '../steps/case';
import { waitForStatus } from '../steps/intake';
import { mediatorFor, reachOffer } from './route';

export interface HeldDialogue {
  open: OpenCase;
  office: SeededOffice;
  partner: SeededPartner;
}

/**
 * Offer accepted, mediator assigned, both parties prepared and asked about reporting, and the
 * joint dialogue held; the referral shows in progress.
 */
export async function throughDialogue(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
  options: { shareTerms: boolean },
): Promise<HeldDialogue> {
  const { office, partner, referral } = await reachOffer(ctx, world, planned);
  const open = await openCase(ctx, office, partner, referral.id, mediatorFor(world, planned));
  await prepareBoth(ctx, open, { languages: planned.facts.languages });
  await consentToReporting(ctx, open, options.shareTerms);
  await holdSession(ctx, open, 'joint_dialogue', [open.harmedId, open.responsibleId]);
  await waitForStatus(ctx, office, referral.id, 'in_progress');
  return { open, office, partner };
}
