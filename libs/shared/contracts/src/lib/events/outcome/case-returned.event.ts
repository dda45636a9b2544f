/**
 * case.returned — emitted by outcome-tracking when a case goes back to the prosecutor without a
 * completed agreement: concluded without agreement, or closed because terms were not kept.
 * Not on referral withdrawal (outcome-tracking emits nothing further then). The reason is
 * neutral and never says which party declined. Consumed by referral-intake (status `returned`,
 * report), partner-matching (capacity freed) and audit-ledger. Aggregate: case.
 */
import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { RETURN_REASON_CODES, type ReturnReasonCode } from '../vocabulary';

export class CaseReturnedData {
  @IsUUID() caseId: string;
  @IsIn(RETURN_REASON_CODES) reasonCode: ReturnReasonCode;
}

export const CaseReturned = defineEvent({
  type: 'case.returned',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'case',
  referralScoped: true,
  schema: CaseReturnedData,
});
