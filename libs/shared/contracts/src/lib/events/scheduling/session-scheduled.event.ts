/**
 * session.scheduled — emitted by mediation-scheduling when a mediator books a session (also one
 * recorded after the fact, then followed by session.completed). The location is free text and
 * stays in scheduling. Consumed by audit-ledger. Aggregate: session.
 */
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { defineEvent } from '../../define-event';
import { Topics } from '../../topics';
import { IsConsistent, IsTimestamp } from '../common';
import { SESSION_KINDS, type SessionKind } from '../vocabulary';

export const MAX_SESSION_PARTICIPANTS = 20;
export const MAX_SESSION_MEDIATORS = 5;

export function checkSessionTimes(d: { startsAt: string; endsAt: string }): string | undefined {
  return Date.parse(d.endsAt) > Date.parse(d.startsAt) ? undefined : 'endsAt must be after startsAt';
}

export class SessionScheduledData {
  @IsUUID() sessionId: string;
  @IsUUID() caseId: string;
  @IsIn(SESSION_KINDS) kind: SessionKind;
  @IsTimestamp() startsAt: string;
  @IsTimestamp() @IsConsistent<SessionScheduledData>(checkSessionTimes) endsAt: string;
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_PARTICIPANTS)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  participantIds: string[];
  /** The mediators' `sub`s. */
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SESSION_MEDIATORS)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  mediatorIds: string[];
}

export const SessionScheduled = defineEvent({
  type: 'session.scheduled',
  version: 1,
  topic: Topics.scheduling,
  aggregateType: 'session',
  referralScoped: true,
  schema: SessionScheduledData,
});
