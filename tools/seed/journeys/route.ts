/**
 * The first part of every journey: the prosecutor submits, screening decides, a person
 * decides a review (or an admin overrides an exclusion for a specialist), and matching makes
 * an offer to the partner the demo expects.
 */
import type { SeedContext, SeededMediator, SeededOffice, SeededOrganisations, SeededPartner } from '../context';
import { SeedError } from '../http';
import type { PlannedReferral } from '../plan';
import { demoCaseNumber, referralBody, type ReferralBody } from '../referrals';
import { overrideExclusion, reasonsOf, review, submitReferral, type SubmittedReferral } from '../steps/intake';
import { waitForPendingOffer, type OfferView } from '../steps/offers';

export interface Submitted {
  office: SeededOffice;
  body: ReferralBody;
  referral: SubmittedReferral;
}

export async function submitPlanned(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
  expectedScreening?: string,
): Promise<Submitted> {
  const office = world.offices[planned.office];
  const caseNumber = demoCaseNumber(ctx.startedAt.getUTCFullYear(), planned.number, ctx.suffix);
  const body = referralBody(planned.facts, {
    number: planned.number,
    caseNumber,
    jurisdiction: office.jurisdiction,
    now: ctx.startedAt,
  });
  const referral = await submitReferral(ctx, office, body);
  if (expectedScreening && referral.screening.outcome !== expectedScreening) {
    throw new SeedError(
      `${caseNumber} was screened ${referral.screening.outcome} (${reasonsOf(referral)}), not ${expectedScreening}: has the screening policy changed?`,
    );
  }
  return { office, body, referral };
}

export function partnerFor(world: SeededOrganisations, planned: PlannedReferral): SeededPartner {
  if (planned.specialist) return world.partners.safeground;
  return planned.office === 'north' ? world.partners.harbour : world.partners.riverside;
}

/** The planned mediator of the case's partner (the partner's first when the plan names none). */
export function mediatorFor(world: SeededOrganisations, planned: PlannedReferral): SeededMediator {
  const partner = partnerFor(world, planned);
  if (!planned.mediator) return partner.mediators[0];
  const mediator = partner.mediators.find((m) => m.sub.startsWith(`demo-mediator-${planned.mediator}`));
  if (!mediator)
    throw new SeedError(
      `the plan gives #${planned.number} to ${planned.mediator}, who is no mediator of ${partner.name}`,
    );
  return mediator;
}

const REVIEW_REASON =
  'The protective order allows contact through the mediator, and the person harmed asked for a dialogue.';
const OVERRIDE_REASON =
  'The person harmed asked for a mediated dialogue; a specialist programme with safety planning is available.';

/** Submits the referral and brings it to a pending offer at the partner the demo expects. */
export async function reachOffer(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral,
): Promise<Submitted & { partner: SeededPartner; offer: OfferView }> {
  const submitted = await submitPlanned(ctx, world, planned);
  const { outcome } = submitted.referral.screening;
  if (outcome === 'needs_review')
    await review(ctx, submitted.office.prosecutor, submitted.referral.id, 'eligible', REVIEW_REASON);
  else if (outcome === 'ineligible' && planned.specialist)
    await overrideExclusion(ctx, submitted.referral.id, OVERRIDE_REASON);
  else if (outcome !== 'eligible')
    throw new SeedError(`${submitted.body.caseNumber} was screened ${outcome}; the demo expected it to reach an offer`);
  const partner = partnerFor(world, planned);
  const offer = await waitForPendingOffer(ctx, partner, submitted.referral.id);
  return { ...submitted, partner, offer };
}
