/**
 * Referrals that have not reached a partner's caseload: just submitted, screened out, waiting
 * in the review queue, offered, gone back unmatched, or withdrawn by the prosecutor.
 */
import type { SeedContext, SeededOrganisations } from '../context';
import type { PlannedReferral } from '../plan';
import { reasonsOf, waitForReferral, waitForStatus, withdraw } from '../steps/intake';
import { declineOffer } from '../steps/offers';
import { reachOffer, submitPlanned } from './route';

/** Just submitted: screened eligible; matching takes it from here within seconds. */
export async function newReferral(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
): Promise<string> {
  const { office, referral } = await submitPlanned(ctx, world, planned, 'eligible');
  // Screening answers in the submission; wait only until intake shows the referral moving on.
  const view = await waitForReferral(ctx, office, referral.id, 'to leave submitted', (r) => r.status !== 'submitted');
  return `new, screened eligible (now ${view.status})`;
}

/** Screened out by the jurisdiction's policy; only an admin's override could change that. */
export async function screenedOut(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
): Promise<string> {
  const { referral } = await submitPlanned(ctx, world, planned, 'ineligible');
  return `screened ineligible (${reasonsOf(referral)})`;
}

/** Screening sent it to a person: it waits in the review queue. */
export async function inReview(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
): Promise<string> {
  const { referral } = await submitPlanned(ctx, world, planned, 'needs_review');
  return `in review (${reasonsOf(referral)})`;
}

/** An offer waits for the partner's answer. */
export async function offered(ctx: SeedContext, world: SeededOrganisations, planned: PlannedReferral): Promise<string> {
  const { partner, office, referral } = await reachOffer(ctx, world, planned);
  await waitForStatus(ctx, office, referral.id, 'offered');
  return `offered to ${partner.name}${planned.specialist ? ' after an admin override' : ''}`;
}

/** The only suitable partner declined: the referral goes back to the prosecutor unmatched. */
export async function unmatched(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
): Promise<string> {
  const { partner, office, referral, offer } = await reachOffer(ctx, world, planned);
  await declineOffer(ctx, partner, offer, 'no_capacity');
  await waitForStatus(ctx, office, referral.id, 'unmatched');
  return `declined by ${partner.name}, back to the prosecutor unmatched`;
}

/** The prosecutor withdrew it while the offer was open: the offer is withdrawn with it. */
export async function withdrawn(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
): Promise<string> {
  const { office, referral } = await reachOffer(ctx, world, planned);
  await waitForStatus(ctx, office, referral.id, 'offered');
  await withdraw(ctx, office, referral.id, 'charges_dropped');
  await waitForStatus(ctx, office, referral.id, 'withdrawn');
  return 'withdrawn by the prosecutor (charges dropped)';
}
