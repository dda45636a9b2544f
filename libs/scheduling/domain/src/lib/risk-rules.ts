import type { RiskOutcome, SessionKind } from '@rj/shared/contracts';

export interface RiskEffect {
  readonly putOnHold: boolean;
  readonly holdReason: 'risk_stop' | null;
  /** Future sessions of these kinds are cancelled, with their reminders. */
  readonly cancelSessionKinds: readonly SessionKind[];
  readonly jointDialogueAllowed: boolean;
  /** Nothing but concluding the case remains. */
  readonly onlyConclusionRemains: boolean;
}

const EFFECTS: Record<RiskOutcome, RiskEffect> = {
  proceed: Object.freeze<RiskEffect>({
    putOnHold: false,
    holdReason: null,
    cancelSessionKinds: [],
    jointDialogueAllowed: true,
    onlyConclusionRemains: false,
  }),
  // A joint meeting is forbidden; indirect dialogue (shuttle mediation, letters) stays possible.
  indirect_only: Object.freeze<RiskEffect>({
    putOnHold: false,
    holdReason: null,
    cancelSessionKinds: ['joint_dialogue'],
    jointDialogueAllowed: false,
    onlyConclusionRemains: false,
  }),
  stop: Object.freeze<RiskEffect>({
    putOnHold: true,
    holdReason: 'risk_stop',
    cancelSessionKinds: ['preparation', 'joint_dialogue', 'indirect_dialogue', 'follow_up'],
    jointDialogueAllowed: false,
    onlyConclusionRemains: true,
  }),
};

/**
 * What a risk assessment does to the case (product.md, Safety first; R7): `stop` puts the case
 * on hold with conclusion as the only way on; `indirect_only` forbids a joint meeting.
 */
export function riskEffect(outcome: RiskOutcome): RiskEffect {
  return EFFECTS[outcome];
}
