/**
 * risk.assessed — emitted by mediation-scheduling when the mediator assesses a participant's
 * risk; the latest counts (`stop` puts the case on hold). Ids and the outcome only: the risk
 * factors are confidential and stay with the partner (product.md, Confidentiality).
 * Consumed by audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { RISK_OUTCOMES, type RiskOutcome } from '../vocabulary';

export class RiskAssessedData {
  @IsUUID() caseId: string;
  @IsUUID() participantId: string;
  @IsIn(RISK_OUTCOMES) outcome: RiskOutcome;
}

export const RiskAssessed = defineEvent({
  type: 'risk.assessed',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: RiskAssessedData,
});
