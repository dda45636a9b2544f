import { Conflict, Forbidden, NotFound } from '@rj/shared/contracts';
import { findMediator, type CaseState } from './case-state';

/**
 * Neutral facilitators (product.md; R10): a mediator acts on a case only after their own
 * statement of no conflict. Proposed but undeclared: 403 `declaration_required` (api.md). Not
 * proposed, or removed for a conflict: 404, so the case's existence is not revealed.
 */
export function assertMediatorMayAct(state: CaseState, mediatorId: string): void {
  const mediator = findMediator(state, mediatorId);
  if (mediator === undefined || mediator.conflicted) throw new NotFound('case not found');
  if (!mediator.declared) throw new Forbidden('declaration_required', { rule: 'declaration_required' });
}

/** Only a proposed mediator declares, once; a conflicted one is gone from the case. */
export function assertMediatorMayDeclare(state: CaseState, mediatorId: string): void {
  const mediator = findMediator(state, mediatorId);
  if (mediator === undefined || mediator.conflicted) throw new NotFound('case not found');
  if (mediator.declared) throw new Conflict('the mediator already declared on this case', { rule: 'already_declared' });
}
