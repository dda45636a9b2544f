/**
 * session.completed — emitted by mediation-scheduling when a mediator records a session's
 * attendance. Consumed by referral-intake (first one → `in_progress`), outcome-tracking (time to
 * dialogue, participation figures) and audit-ledger. Aggregate: session.
 */
import { Type } from 'class-transformer';
import { ArrayMinSize, ArrayMaxSize, IsBoolean, IsIn, IsUUID, ValidateNested } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, IsTimestamp } from '../common';
import { SESSION_KINDS, type SessionKind } from '../vocabulary';
import { MAX_SESSION_PARTICIPANTS } from './session-scheduled.event';

export class SessionAttendance {
  @IsUUID() participantId: string;
  @IsBoolean() present: boolean;
}

export class SessionCompletedData {
  @IsUUID() sessionId: string;
  @IsUUID() caseId: string;
  @IsIn(SESSION_KINDS) kind: SessionKind;
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_PARTICIPANTS)
  @ValidateNested({ each: true })
  @Type(() => SessionAttendance)
  @IsConsistent<SessionCompletedData>((d) => {
    const ids = Array.isArray(d.attendance) ? d.attendance.map((a) => a?.participantId) : [];
    return new Set(ids).size === ids.length ? undefined : 'attendance names each participant once';
  })
  attendance: SessionAttendance[];
  /** When the session took place (its start). */
  @IsTimestamp() heldAt: string;
  /**
   * Recorded after the fact (product.md, Preparation before dialogue): who recorded it and when
   * are the envelope's actor and occurredAt; it cannot be back-dated beyond the configured window.
   */
  @IsBoolean() recordedLate: boolean;
}

export const SessionCompleted = defineEvent({
  type: 'session.completed',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'session',
  referralScoped: true,
  schema: SessionCompletedData,
});
