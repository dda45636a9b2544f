import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SessionCancelReasonCode, SessionKind } from '@rj/shared/contracts';
import type { SessionStatus, VenueType } from '@rj/scheduling/domain';

/**
 * A session: the truth reminders are planned from (a sweep re-creates lost jobs from it). The
 * location is free text and never leaves this table. Who recorded what, and when, is kept
 * (product.md, Preparation before dialogue: a late record keeps who recorded it and when).
 */
@Entity({ name: 'session' })
@Index('session_scheduled_starts_idx', ['status', 'startsAt'])
@Index('session_case_idx', ['caseId', 'startsAt'])
export class SessionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'session_pk' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @Column({ type: 'text' })
  kind: SessionKind;

  @Column({ type: 'text' })
  status: SessionStatus;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ type: 'text', nullable: true })
  location: string | null;

  /** Where, as a kind; null for sessions booked before venues had a type. */
  @Column({ name: 'venue_type', type: 'text', nullable: true })
  venueType: VenueType | null;

  @Column({ name: 'participant_ids', type: 'jsonb' })
  participantIds: string[];

  @Column({ name: 'mediator_ids', type: 'jsonb' })
  mediatorIds: string[];

  @Column({ type: 'jsonb', nullable: true })
  attendance: { participantId: string; present: boolean }[] | null;

  @Column({ name: 'cancel_reason_code', type: 'text', nullable: true })
  cancelReasonCode: SessionCancelReasonCode | null;

  /** Someone in it needs an interpreter (from the referral): the session is marked, reminders say so. */
  @Column({ name: 'interpreter_needed', type: 'boolean', default: false })
  interpreterNeeded: boolean;

  @Column({ name: 'recorded_late', type: 'boolean', default: false })
  recordedLate: boolean;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'changed_by', type: 'text', nullable: true })
  changedBy: string | null;

  @Column({ name: 'changed_at', type: 'timestamptz', nullable: true })
  changedAt: Date | null;
}
