/**
 * follow_up.recorded — emitted by outcome-tracking when the prosecutor answers a follow-up
 * (re-offence yes/no), for the re-offence figures at 6/12/24 months. Case and months travel too
 * so the event reads alone in the audit log. Consumed by audit-ledger. Aggregate: follow_up.
 */
import { IsBoolean, IsInt, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';

export class FollowUpRecordedData {
  @IsUUID() followUpId: string;
  @IsUUID() caseId: string;
  @IsInt() @Min(1) @Max(120) monthsAfter: number;
  @IsBoolean() reoffended: boolean;
}

export const FollowUpRecorded = defineEvent({
  type: 'follow_up.recorded',
  version: 1,
  topic: Topics.outcome,
  aggregateType: 'follow_up',
  referralScoped: true,
  schema: FollowUpRecordedData,
});
