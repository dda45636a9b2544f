import type { PracticeProblem, PracticeRecordPage } from './practice-shapes';

/**
 * Where a mediator stands, as the record page says it (issue 22). The service lists every unmet
 * rule for leading an adult case; a partner's admin needs to know whether that means "cannot
 * be proposed at all" or "can be proposed beside an experienced lead": only the co-facilitation
 * rule gives way to a lead already on the case.
 */
export type StandingVerdict = 'may_lead' | 'co_facilitator_only' | 'not_proposable';

export interface StandingSummary {
  readonly verdict: StandingVerdict;
  /** Every unmet rule, in the service's order and words (empty when the mediator may lead). */
  readonly unmet: readonly PracticeProblem[];
  /** What a case with a minor asks beyond that: a youth credential, a barred-list check. */
  readonly forMinors: readonly PracticeProblem[];
}

const CO_FACILITATION = 'co_facilitation_required';
const MINOR_RULES = ['youth_credential', 'barred_list_check'];

export function standingSummary(standing: PracticeRecordPage['standing']): StandingSummary {
  const blocking = standing.unmet.filter((problem) => problem.rule !== CO_FACILITATION);
  const verdict: StandingVerdict =
    standing.unmet.length === 0 ? 'may_lead' : blocking.length === 0 ? 'co_facilitator_only' : 'not_proposable';
  return {
    verdict,
    unmet: standing.unmet,
    forMinors: standing.unmetWithMinor.filter((problem) => MINOR_RULES.includes(problem.rule)),
  };
}
