import type { CaseSummary } from '../api-shapes';

/** Where a case stands for the partner's administrator, and whether it needs them. */
export interface CaseStep {
  text: string;
  /** The administrator has something to do (propose a mediator). */
  needsYou: boolean;
}

/**
 * The next step of a case from its summary alone (lists never decrypt): a case with no
 * mediator waits for the administrator to propose one; a proposed mediator must declare no
 * conflict of interest before anything else happens; after that the mediator carries it.
 */
export function nextStepOf(kase: Pick<CaseSummary, 'status' | 'holdReason' | 'mediators'>): CaseStep {
  if (kase.status === 'concluded') return { text: 'Nothing: the case is concluded', needsYou: false };
  if (kase.status === 'on_hold') {
    return kase.holdReason === 'risk_stop'
      ? { text: 'On hold after a risk assessment said stop: its mediator concludes the case', needsYou: false }
      : {
          text: 'On hold after a participant withdrew: its mediator concludes the case or talks with them again',
          needsYou: false,
        };
  }
  if (kase.mediators.length === 0) return { text: 'Propose a mediator', needsYou: true };
  if (!kase.mediators.some((mediator) => mediator.declared))
    return { text: 'Waiting for the proposed mediator to declare any conflict of interest', needsYou: false };
  return { text: 'The mediator prepares everyone involved for a dialogue', needsYou: false };
}

/** Open cases nobody has been proposed for, or whose only proposals are still undeclared. */
export function waitingForMediator(cases: readonly CaseSummary[]): CaseSummary[] {
  return cases.filter((kase) => kase.status === 'open' && !kase.mediators.some((mediator) => mediator.declared));
}

/** A short reference for a case that names nobody: the end of its id, which differs case to case. */
export function caseReference(caseId: string): string {
  return caseId.replace(/-/g, '').slice(-8).toUpperCase();
}
