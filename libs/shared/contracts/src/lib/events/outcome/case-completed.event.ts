/**
 * case.completed — emitted by outcome-tracking when every term of the agreement is fulfilled.
 * Consumed by referral-intake (status `completed`, report), partner-matching (capacity freed)
 * and audit-ledger. Aggregate: case (the id minted by mediation-scheduling).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsTimestamp } from '../common';

export class CaseCompletedData {
  @IsUUID() caseId: string;
  @IsUUID() agreementId: string;
  @IsTimestamp() completedAt: string;
}

export const CaseCompleted = defineEvent({
  type: 'case.completed',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'case',
  referralScoped: true,
  schema: CaseCompletedData,
});
