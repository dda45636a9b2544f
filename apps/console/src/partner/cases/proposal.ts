import type { CaseSummary, MediatorView } from '../api-shapes';

/**
 * The mediators the case page offers to propose: active ones not already on the case, least
 * busy first. The service still decides (a concluded case, a deactivated mediator, a mediator
 * who declared a conflict on this case are refused with its own sentence).
 */
export function proposableMediators(
  kase: Pick<CaseSummary, 'status' | 'mediators'>,
  mediators: readonly MediatorView[],
): MediatorView[] {
  if (kase.status !== 'open') return [];
  const onCase = new Set(kase.mediators.map((mediator) => mediator.mediatorId));
  return mediators
    .filter((mediator) => mediator.active && !onCase.has(mediator.sub))
    .sort((a, b) => a.caseload - b.caseload || a.fullName.localeCompare(b.fullName));
}
