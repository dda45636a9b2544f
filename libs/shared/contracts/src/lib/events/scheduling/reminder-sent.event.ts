/**
 * reminder.sent — emitted by mediation-scheduling's reminder job (actor
 * `system:mediation-scheduling`) for each participant before a session: delivered through one
 * of the participant's safe channels, or skipped (`delivered: false`) with a reason code when
 * there is none. Never the message or the address. Consumed by audit-ledger. Aggregate: session.
 */
import { IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, SAFE_CHANNELS, type SafeChannel } from '../common';
import { REMINDER_SKIP_REASON_CODES, type ReminderSkipReasonCode } from '../vocabulary';

function checkDelivery(d: ReminderSentData): string | undefined {
  if (d.delivered === true && (d.channel === undefined || d.reasonCode !== undefined))
    return 'a delivered reminder names its channel and no reasonCode';
  if (d.delivered === false && (d.channel !== undefined || d.reasonCode === undefined))
    return 'a skipped reminder names its reasonCode and no channel';
  return undefined;
}

export class ReminderSentData {
  @IsUUID() sessionId: string;
  @IsUUID() caseId: string;
  @IsUUID() participantId: string;
  @IsBoolean() @IsConsistent<ReminderSentData>(checkDelivery) delivered: boolean;
  @IsOptional() @IsIn(SAFE_CHANNELS) channel?: SafeChannel;
  @IsOptional() @IsIn(REMINDER_SKIP_REASON_CODES) reasonCode?: ReminderSkipReasonCode;
  /** Minutes before the session's start this reminder was planned for, e.g. 1440 for a day. */
  @IsInt() @Min(0) @Max(60 * 24 * 60) offsetMinutes: number;
}

export const ReminderSent = defineEvent({
  type: 'reminder.sent',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'session',
  referralScoped: true,
  schema: ReminderSentData,
});
