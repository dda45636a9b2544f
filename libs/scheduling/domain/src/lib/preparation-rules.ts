import { InvalidInput, RuleViolation, type CaseHoldReasonCode } from '@rj/shared/contracts';
import { findParticipant, type CaseState, type ParticipantState } from './case-state';

/**
 * What a mediator records per participant (information, risk, acknowledgement, consents) is
 * recorded on a case that still runs: a concluded case takes nothing more. A case on hold still
 * does — a reassessment or a consent given again is how the mediator decides the way on.
 */
export function assertParticipantRecordable(state: CaseState, participantId: string): ParticipantState {
  if (state.status === 'concluded') throw new RuleViolation('case_concluded', 'the case is concluded');
  const participant = findParticipant(state, participantId);
  if (!participant)
    throw new InvalidInput('unknown participant', [
      { field: 'participantId', message: 'is not a participant of the case' },
    ]);
  return participant;
}

/** product.md, Acknowledgement: only the person responsible acknowledges the basic facts. */
export function assertAcknowledgementAllowed(participant: ParticipantState): void {
  if (participant.role !== 'responsible') {
    throw new RuleViolation(
      'acknowledgement_responsible_only',
      'only the person responsible acknowledges the basic facts',
    );
  }
}

/**
 * Whether a hold must be announced (case.on_hold): an open case goes on hold; a case on hold
 * after a withdrawal is put on the stricter `risk_stop` hold; anything else is on hold already
 * (a `stop` hold is never softened) or concluded.
 */
export function holdNeeded(state: CaseState, reason: CaseHoldReasonCode): boolean {
  if (state.status === 'open') return true;
  return state.status === 'on_hold' && reason === 'risk_stop' && state.holdReason !== 'risk_stop';
}
