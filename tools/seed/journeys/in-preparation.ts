/**
 * Accepted cases still in preparation: a mediator assigned, some of the dialogue gate's items
 * recorded, the next meeting booked.
 */
import type { SeedContext, SeededOrganisations } from '../context';
import type { PlannedReferral } from '../plan';
import { assessRisk, consent, holdSession, inform, openCase, planSession, prepareBoth } from '../steps/case';
import { mediatorFor, reachOffer } from './route';

export type PreparationStage = 'first_steps' | 'minor' | 'indirect_ready';

export async function inPreparation(
  ctx: SeedContext,
  world: SeededOrganisations,
  planned: PlannedReferral & { journey: { state: 'in_preparation' } },
): Promise<string> {
  const { office, partner, referral } = await reachOffer(ctx, world, planned);
  const open = await openCase(ctx, office, partner, referral.id, mediatorFor(world, planned));
  const languages = planned.facts.languages;
  switch (planned.journey.stage) {
    case 'first_steps':
      // Both parties informed, the person harmed agreed to take part and meets the mediator soon.
      await inform(ctx, open, open.harmedId, languages.harmed);
      await consent(ctx, open, open.harmedId, 'participation', 'given');
      await inform(ctx, open, open.responsibleId, languages.responsible);
      await planSession(ctx, open, 'preparation', [open.harmedId]);
      return `in preparation at ${partner.name}: information given, first meeting booked`;
    case 'minor':
      // The person responsible is 16: their consent counts only with their guardian's.
      await inform(ctx, open, open.responsibleId, languages.responsible);
      await consent(ctx, open, open.responsibleId, 'participation', 'given');
      await consent(ctx, open, open.responsibleId, 'participation', 'given', true);
      await assessRisk(ctx, open, open.responsibleId, 'proceed');
      await holdSession(ctx, open, 'preparation', [open.responsibleId]);
      await inform(ctx, open, open.harmedId, languages.harmed);
      await consent(ctx, open, open.harmedId, 'participation', 'given');
      await planSession(ctx, open, 'preparation', [open.harmedId]);
      return `in preparation at ${partner.name}: a minor and their guardian consented, one meeting held, one booked`;
    case 'indirect_ready':
      // The risk assessment allows only an indirect dialogue: shuttle mediation is booked.
      await prepareBoth(ctx, open, { risk: 'indirect_only', languages });
      await planSession(ctx, open, 'indirect_dialogue', [open.harmedId, open.responsibleId]);
      return `in preparation at ${partner.name}: prepared, indirect dialogue booked`;
  }
}
