import { RuleViolation } from '@rj/shared/contracts';
import { findMediator, type CaseState, type ParticipantState } from './case-state';
import { caseStatusForbids } from './case-status-rules';

export type DialogueKind = 'joint_dialogue' | 'indirect_dialogue';

/**
 * api.md, "Dialogue gate" (joint or indirect): the mediator declared no conflict; every
 * participant has recorded information, a participation consent (and a guardian's for a minor),
 * a current risk assessment of `proceed` (or `indirect_only`, which allows only
 * `indirect_dialogue`) and a held preparation session; the person responsible acknowledged.
 *
 * Every participant of the CASE is checked, not only those listed: a dialogue needs all parties
 * (product.md: "no joint or indirect dialogue without every party's consent").
 *
 * Returns the unmet conditions as stable codes, `<condition>` or `<condition>:<id>`, in a fixed
 * order (case, mediators, then participants in case order); empty when the gate is open.
 * Ids only: the list goes into a 409's `detail` and must hold no personal data.
 */
export function dialogueGateProblems(
  state: CaseState,
  kind: DialogueKind,
  participantIds: readonly string[],
  mediatorIds: readonly string[],
): string[] {
  const problems: string[] = [];
  if (caseStatusForbids(state, kind) !== null) problems.push('case_not_open');

  // Neutral facilitators (product.md): a mediator acts only after declaring no conflict.
  if (mediatorIds.length === 0) problems.push('mediator_missing');
  for (const mediatorId of mediatorIds) {
    const mediator = findMediator(state, mediatorId);
    if (mediator === undefined || mediator.conflicted) problems.push(`mediator_not_assigned:${mediatorId}`);
    else if (!mediator.declared) problems.push(`mediator_not_declared:${mediatorId}`);
  }

  const known = new Set(state.participants.map((participant) => participant.participantId));
  for (const participantId of participantIds) {
    if (!known.has(participantId)) problems.push(`participant_unknown:${participantId}`);
  }
  const listed = new Set(participantIds);
  for (const participant of state.participants) {
    if (!listed.has(participant.participantId)) problems.push(`participant_not_listed:${participant.participantId}`);
    problems.push(...participantProblems(participant, kind));
  }
  return problems;
}

/** One participant's unmet conditions of the gate, in a fixed order. */
export function participantProblems(participant: ParticipantState, kind: DialogueKind): string[] {
  const id = participant.participantId;
  const problems: string[] = [];
  if (participant.informationRecorded === null) problems.push(`information_missing:${id}`);
  if (participant.consents.participation !== 'given') problems.push(`participation_consent_missing:${id}`);
  if (participant.minor && participant.guardianConsents.participation !== 'given')
    problems.push(`guardian_consent_missing:${id}`);
  if (participant.latestRisk === null) problems.push(`risk_assessment_missing:${id}`);
  else if (participant.latestRisk === 'stop') problems.push(`risk_stop:${id}`);
  else if (participant.latestRisk === 'indirect_only' && kind === 'joint_dialogue')
    problems.push(`risk_indirect_only:${id}`);
  if (!participant.preparationHeld) problems.push(`preparation_not_held:${id}`);
  if (participant.role === 'responsible' && !participant.acknowledged) problems.push(`acknowledgement_missing:${id}`);
  return problems;
}

/** Refuses a dialogue the gate does not let through: 409 with the unmet conditions listed. */
export function assertDialogueAllowed(
  state: CaseState,
  kind: DialogueKind,
  participantIds: readonly string[],
  mediatorIds: readonly string[],
): void {
  const unmet = dialogueGateProblems(state, kind, participantIds, mediatorIds);
  if (unmet.length > 0) {
    throw new RuleViolation(
      'dialogue_gate',
      `the ${kind.replace('_', ' ')} is not allowed yet; unmet: ${unmet.join(', ')}`,
      unmet,
    );
  }
}
