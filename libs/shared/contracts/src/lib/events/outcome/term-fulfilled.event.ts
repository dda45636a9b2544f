/**
 * term.fulfilled — emitted by outcome-tracking when a term is complete (paid in full, hours
 * served, or marked done). When every term is, case.completed follows. Consumed by
 * referral-intake and audit-ledger.
 * Aggregate: agreement (a term lives inside its agreement).
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class TermFulfilledData {
  @IsUUID() agreementId: string;
  @IsUUID() termId: string;
}

export const TermFulfilled = defineEvent({
  type: 'term.fulfilled',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'agreement',
  referralScoped: true,
  schema: TermFulfilledData,
});
