import type { Gate, GateItemCode, GateParticipant } from './api-shapes';

/** The form that satisfies each checklist item, under the case's address. */
export const ITEM_FORMS: Record<GateItemCode, string> = {
  information: 'information',
  participation_consent: 'consent',
  guardian_consent: 'consent?guardian=1',
  risk_assessment: 'risk',
  preparation: 'sessions/new?kind=preparation',
  acknowledgement: 'acknowledgement',
};

export function itemLink(caseId: string, participantId: string, item: GateItemCode): string {
  const form = ITEM_FORMS[item];
  if (item === 'preparation') return `/mediator/cases/${caseId}/${form}&participant=${participantId}`;
  return `/mediator/cases/${caseId}/participants/${participantId}/${form}`;
}

/**
 * A participant's next step: the first item of the gate's checklist still unmet, in the order
 * the preparation runs (information before consent, risk before meeting). Null when ready.
 */
export function nextStepOf(participant: GateParticipant): GateItemCode | null {
  if (participant.recorded.latestRisk === 'stop') return 'risk_assessment';
  return participant.items.find((entry) => !entry.met)?.item ?? null;
}

/** Which dialogue a mediator may book now, as the service's gate says. */
export function dialogueKindsOffered(gate: Gate): ('joint_dialogue' | 'indirect_dialogue')[] {
  return (['joint_dialogue', 'indirect_dialogue'] as const).filter((kind) => gate.allowed[kind]);
}
