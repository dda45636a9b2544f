/**
 * case.on_hold — emitted by mediation-scheduling when a participation consent is withdrawn or a
 * risk assessment says `stop`: sessions and reminders stop; the mediator offers another form
 * or concludes. No participant id: nothing may say which party withdrew (product.md).
 * Consumed by audit-ledger.
 * Aggregate: case (the referral rides in the envelope).
 */
import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { CASE_HOLD_REASON_CODES, type CaseHoldReasonCode } from '../vocabulary';

export class CaseOnHoldData {
  @IsUUID() caseId: string;
  @IsIn(CASE_HOLD_REASON_CODES) reasonCode: CaseHoldReasonCode;
}

export const CaseOnHold = defineEvent({
  type: 'case.on_hold',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'case',
  referralScoped: true,
  schema: CaseOnHoldData,
});
