import type { ConsentsByPurpose, CaseState, ParticipantState } from './case-state';
import { dialogueGateProblems, participantProblems, type DialogueKind } from './dialogue-gate';
import { riskReassessmentDue, type RiskReassessmentReason } from './risk-reassessment';

export type GateItem =
  'information' | 'participation_consent' | 'guardian_consent' | 'risk_assessment' | 'preparation' | 'acknowledgement';

export interface ParticipantChecklist {
  readonly participantId: string;
  readonly role: ParticipantState['role'];
  readonly minor: boolean;
  /** What is recorded, so a page can say it (codes and dates only). */
  readonly recorded: {
    readonly information: ParticipantState['informationRecorded'];
    readonly latestRisk: ParticipantState['latestRisk'];
    readonly consents: ConsentsByPurpose;
    readonly guardianConsents: ConsentsByPurpose | null;
    readonly acknowledged: boolean | null;
    readonly preparationHeld: boolean;
  };
  /** The gate's items that apply to this participant, each met or not for a joint dialogue. */
  readonly items: readonly { readonly item: GateItem; readonly met: boolean }[];
  /** The participant's unmet conditions per dialogue kind, exactly as the gate reports them. */
  readonly unmet: Readonly<Record<DialogueKind, readonly string[]>>;
  /** Why the risk assessment should be made again now (riskReassessmentDue), or null. Advisory. */
  readonly riskReassessment: RiskReassessmentReason | null;
}

export interface DialogueGateChecklist {
  /** Conditions of the case itself (status, mediators), per dialogue kind. */
  readonly caseUnmet: Readonly<Record<DialogueKind, readonly string[]>>;
  readonly participants: readonly ParticipantChecklist[];
  /** Which dialogue may be scheduled now with every participant and these mediators. */
  readonly allowed: Readonly<Record<DialogueKind, boolean>>;
}

// Which gate condition codes each checklist item stands for. The codes come from
// participantProblems, so an item is met exactly when the enforcing rule finds nothing of it.
const ITEM_CODES: Record<GateItem, readonly string[]> = {
  information: ['information_missing'],
  participation_consent: ['participation_consent_missing'],
  guardian_consent: ['guardian_consent_missing'],
  risk_assessment: ['risk_assessment_missing', 'risk_stop', 'risk_indirect_only'],
  preparation: ['preparation_not_held'],
  acknowledgement: ['acknowledgement_missing'],
};

const codeOf = (problem: string) => problem.split(':')[0];

/**
 * The dialogue gate (dialogueGateProblems) as a checklist per participant, for the people
 * preparing the case: the same rule the service enforces when a dialogue is booked, only its
 * findings grouped by participant and item. `mediatorIds` are the case's assigned mediators;
 * `now` dates the advisory risk reassessment.
 */
export function dialogueGateChecklist(
  state: CaseState,
  mediatorIds: readonly string[],
  now: Date,
): DialogueGateChecklist {
  const everyone = state.participants.map((participant) => participant.participantId);
  const kinds: DialogueKind[] = ['joint_dialogue', 'indirect_dialogue'];
  const all = Object.fromEntries(
    kinds.map((kind) => [kind, dialogueGateProblems(state, kind, everyone, mediatorIds)]),
  ) as Record<DialogueKind, string[]>;
  const ownedByParticipant = (problem: string) =>
    state.participants.some(
      (p) => problem.endsWith(`:${p.participantId}`) && !codeOf(problem).startsWith('participant_'),
    );
  const caseUnmet = Object.fromEntries(
    kinds.map((kind) => [kind, all[kind].filter((problem) => !ownedByParticipant(problem))]),
  ) as Record<DialogueKind, string[]>;
  return {
    caseUnmet,
    participants: state.participants.map((participant) => ({
      ...checklistOf(participant),
      riskReassessment: riskReassessmentDue(state, participant, now),
    })),
    allowed: { joint_dialogue: all.joint_dialogue.length === 0, indirect_dialogue: all.indirect_dialogue.length === 0 },
  };
}

function checklistOf(participant: ParticipantState): Omit<ParticipantChecklist, 'riskReassessment'> {
  const joint = participantProblems(participant, 'joint_dialogue');
  const indirect = participantProblems(participant, 'indirect_dialogue');
  const applies = (item: GateItem) =>
    (item !== 'guardian_consent' || participant.minor) &&
    (item !== 'acknowledgement' || participant.role === 'responsible');
  const items = (Object.keys(ITEM_CODES) as GateItem[])
    .filter(applies)
    .map((item) => ({ item, met: !joint.some((problem) => ITEM_CODES[item].includes(codeOf(problem))) }));
  return {
    participantId: participant.participantId,
    role: participant.role,
    minor: participant.minor,
    recorded: {
      information: participant.informationRecorded,
      latestRisk: participant.latestRisk,
      consents: participant.consents,
      guardianConsents: participant.minor ? participant.guardianConsents : null,
      acknowledged: participant.role === 'responsible' ? participant.acknowledged : null,
      preparationHeld: participant.preparationHeld,
    },
    items,
    unmet: { joint_dialogue: joint, indirect_dialogue: indirect },
  };
}
