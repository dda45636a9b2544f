/**
 * follow_up.due — emitted by outcome-tracking's follow-up job when a follow-up (e.g. 6, 12, 24
 * months after completion) falls due: the prosecutor is asked whether the person re-offended.
 * Consumed by audit-ledger. Aggregate: follow_up.
 */
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsIsoDate } from '../common';

export class FollowUpDueData {
  @IsUUID() followUpId: string;
  @IsUUID() caseId: string;
  @IsInt() @Min(1) @Max(120) monthsAfter: number;
  @IsIsoDate() dueOn: string;
}

export const FollowUpDue = defineEvent({
  type: 'follow_up.due',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'follow_up',
  referralScoped: true,
  schema: FollowUpDueData,
});
