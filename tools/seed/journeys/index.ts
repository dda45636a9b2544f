/** Which journey brings a planned referral to its state. */
import type { SeedContext, SeededOrganisations } from '../context';
import type { PlannedReferral } from '../plan';
import { agreementRunning, completed, returned } from './agreement';
import { inReview, newReferral, offered, screenedOut, unmatched, withdrawn } from './early';
import { inPreparation } from './in-preparation';

export function runJourney(ctx: SeedContext, world: SeededOrganisations, planned: PlannedReferral): Promise<string> {
  const journey = planned.journey;
  switch (journey.state) {
    case 'completed':
      return completed(ctx, world, { ...planned, journey });
    case 'returned':
      return returned(ctx, world, { ...planned, journey });
    case 'agreement_running':
      return agreementRunning(ctx, world, { ...planned, journey });
    case 'in_preparation':
      return inPreparation(ctx, world, { ...planned, journey });
    case 'withdrawn':
      return withdrawn(ctx, world, planned);
    case 'unmatched':
      return unmatched(ctx, world, planned);
    case 'offered':
      return offered(ctx, world, planned);
    case 'in_review':
      return inReview(ctx, world, planned);
    case 'screened_out':
      return screenedOut(ctx, world, planned);
    case 'new':
      return newReferral(ctx, world, planned);
  }
}
