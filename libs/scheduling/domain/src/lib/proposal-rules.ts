import { Conflict, RuleViolation } from '@rj/shared/contracts';
import { findMediator, type CaseState } from './case-state';

/** product.md step 5 and the issue: a partner proposes one or two mediators for a case. */
export const MAX_MEDIATORS_PER_CASE = 2;

/**
 * A partner_admin proposes a registered mediator of its own organisation. A mediator who
 * declared a conflict stays off the case (Neutral facilitators): proposing them again would
 * wipe their declaration.
 */
export function assertMediatorMayBeProposed(state: CaseState, mediatorId: string): void {
  if (state.status === 'concluded') throw new RuleViolation('case_concluded', 'the case is concluded');
  const existing = findMediator(state, mediatorId);
  if (existing?.conflicted)
    throw new RuleViolation('mediator_conflicted', 'the mediator declared a conflict of interest on this case');
  if (existing) throw new Conflict('the mediator is already proposed for this case', { rule: 'already_proposed' });
  const active = state.mediators.filter((mediator) => !mediator.conflicted).length;
  if (active >= MAX_MEDIATORS_PER_CASE) {
    throw new RuleViolation('too_many_mediators', `a case has at most ${MAX_MEDIATORS_PER_CASE} mediators`);
  }
}
