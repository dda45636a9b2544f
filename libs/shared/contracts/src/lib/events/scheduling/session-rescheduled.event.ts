/**
 * session.rescheduled — emitted by mediation-scheduling when a session moves; its reminders are
 * re-planned. Consumed by audit-ledger. Aggregate: session.
 */
import { IsUUID } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, IsTimestamp } from '../common';
import { checkSessionTimes } from './session-scheduled.event';

export class SessionRescheduledData {
  @IsUUID() sessionId: string;
  @IsUUID() caseId: string;
  @IsTimestamp() startsAt: string;
  @IsTimestamp() @IsConsistent<SessionRescheduledData>(checkSessionTimes) endsAt: string;
}

export const SessionRescheduled = defineEvent({
  type: 'session.rescheduled',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'session',
  referralScoped: true,
  schema: SessionRescheduledData,
});
