import {
  InvalidInput,
  MEDIATOR_CONCLUSION_REASON_CODES,
  RuleViolation,
  type ConclusionReasonCode,
} from '@rj/shared/contracts';
import type { CaseState } from './case-state';

export interface ConclusionRequest {
  readonly agreementReached: boolean;
  readonly reasonCode?: string;
}

/** Who concludes: a mediator, or the platform on referral.withdrawn. */
export type Concluder = 'mediator' | 'platform';

/**
 * Concluding a case (api.md, conclude; product.md, Report back and "Failure is not punished"):
 * a reason code exactly when there is no agreement, and only a neutral one that never says
 * which party chose what; `referral_withdrawn` is the platform's alone. An agreement needs a
 * dialogue that took place. A `stop` hold still allows this: conclusion is its only way on.
 */
export function assertConclusionAllowed(
  state: CaseState,
  request: ConclusionRequest,
  by: Concluder = 'mediator',
): ConclusionReasonCode | undefined {
  if (state.status === 'concluded') throw new RuleViolation('case_concluded', 'the case is already concluded');
  if (by === 'platform') {
    if (request.agreementReached || request.reasonCode !== 'referral_withdrawn') {
      throw new InvalidInput('the platform concludes only a withdrawn referral', [
        { field: 'reasonCode', message: 'must be referral_withdrawn' },
      ]);
    }
    return 'referral_withdrawn';
  }
  if (request.agreementReached) {
    if (request.reasonCode !== undefined) {
      throw new InvalidInput('a reason code is given only without agreement', [
        { field: 'reasonCode', message: 'must be absent when agreementReached' },
      ]);
    }
    const dialogueHeld = state.sessions.some(
      (session) =>
        session.status === 'completed' && (session.kind === 'joint_dialogue' || session.kind === 'indirect_dialogue'),
    );
    if (!dialogueHeld)
      throw new RuleViolation('agreement_needs_dialogue', 'an agreement needs a completed dialogue session');
    return undefined;
  }
  if (request.reasonCode === 'referral_withdrawn') {
    throw new RuleViolation('reason_code_reserved', 'referral_withdrawn is set only by the platform');
  }
  if (!(MEDIATOR_CONCLUSION_REASON_CODES as readonly string[]).includes(request.reasonCode ?? '')) {
    throw new InvalidInput('a neutral reason code is required without agreement', [
      { field: 'reasonCode', message: `must be one of ${MEDIATOR_CONCLUSION_REASON_CODES.join(', ')}` },
    ]);
  }
  return request.reasonCode as ConclusionReasonCode;
}
