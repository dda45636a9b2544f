import type { CaseGate, CaseOutcome, CaseSummary } from '../api-shapes';

export type SafetyFlagKind = 'on_hold' | 'stop' | 'indirect_only' | 'disclosure';

/** A case the administrator should know is not an ordinary one. No names: ids and codes only. */
export interface SafetyFlag {
  caseId: string;
  kind: SafetyFlagKind;
  text: string;
}

const FLAG_TEXT: Record<SafetyFlagKind, string> = {
  on_hold: 'On hold',
  stop: 'A risk assessment said stop',
  indirect_only: 'Indirect dialogue only: the people involved do not meet',
  disclosure: 'Confidential information was disclosed under an exception',
};

/** Each kind's tag on the home page: its word and its colour, the strongest red. */
export const FLAG_TAGS: Record<SafetyFlagKind, { text: string; classes: string }> = {
  stop: { text: 'Stop', classes: 'govuk-tag--red' },
  on_hold: { text: 'On hold', classes: 'govuk-tag--yellow' },
  disclosure: { text: 'Disclosure', classes: 'govuk-tag--orange' },
  indirect_only: { text: 'Indirect only', classes: 'govuk-tag--blue' },
};

/**
 * The home page's safety flags: cases on hold (from the case list), and cases where a
 * participant's latest risk assessment says `stop` or `indirect_only` (from each case's gate
 * checklist, which carries codes only), and cases where a mediator recorded a disclosure under
 * a confidentiality exception (the case list carries its date, never what or to whom). One line
 * per case and kind, the strongest first.
 */
export function safetyFlags(cases: readonly CaseSummary[], gates: readonly (CaseGate | null)[]): SafetyFlag[] {
  const flags: SafetyFlag[] = [];
  const seen = new Set<string>();
  const add = (caseId: string, kind: SafetyFlagKind, text = FLAG_TEXT[kind]) => {
    if (seen.has(`${caseId}:${kind}`)) return;
    seen.add(`${caseId}:${kind}`);
    flags.push({ caseId, kind, text });
  };
  for (const kase of cases)
    if (kase.status === 'on_hold')
      add(
        kase.id,
        'on_hold',
        kase.holdReason === 'risk_stop'
          ? 'On hold: a risk assessment said stop'
          : 'On hold: a participant withdrew their consent',
      );
  for (const kase of cases)
    if (kase.lastDisclosureAt)
      add(kase.id, 'disclosure', `${FLAG_TEXT.disclosure} (last on ${kase.lastDisclosureAt.slice(0, 10)})`);
  for (const gate of gates) {
    for (const participant of gate?.participants ?? []) {
      const risk = participant.recorded.latestRisk;
      if (gate && (risk === 'stop' || risk === 'indirect_only')) add(gate.caseId, risk);
    }
  }
  const order: SafetyFlagKind[] = ['stop', 'on_hold', 'disclosure', 'indirect_only'];
  return flags.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

/** The agreement terms past their date and not kept, per case, soonest first. */
export function overdueTerms(
  outcomes: readonly (CaseOutcome | null)[],
): { caseId: string; kind: string; dueBy: string }[] {
  return outcomes
    .flatMap((outcome) =>
      (outcome?.agreement?.terms ?? [])
        .filter((term) => term.status === 'overdue')
        .map((term) => ({ caseId: outcome?.caseId ?? '', kind: term.kind, dueBy: term.dueBy })),
    )
    .sort((a, b) => a.dueBy.localeCompare(b.dueBy));
}

/** Open cases against capacity, as the matching service counts them. */
export function caseloadOf(partner: { openCases: number; capacity: number }): {
  open: number;
  capacity: number;
  full: boolean;
  text: string;
} {
  const full = partner.openCases >= partner.capacity;
  const text =
    partner.capacity === 0
      ? 'Capacity is 0: you receive no new offers'
      : full
        ? 'Full: you receive no new offers until a case ends or you raise your capacity'
        : `${partner.capacity - partner.openCases} more ${partner.capacity - partner.openCases === 1 ? 'case' : 'cases'} before you are full`;
  return { open: partner.openCases, capacity: partner.capacity, full, text };
}
