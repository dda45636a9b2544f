import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When a mediator last confirmed a participant's contact and safe channels with them, and who.
 * The details themselves live, encrypted under the referral's key, in the referral snapshot.
 */
@Entity({ name: 'contact_confirmation' })
export class ContactConfirmationEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'contact_confirmation_pk' })
  caseId: string;

  @PrimaryColumn({ name: 'participant_id', type: 'uuid', primaryKeyConstraintName: 'contact_confirmation_pk' })
  participantId: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz' })
  confirmedAt: Date;

  @Column({ name: 'confirmed_by', type: 'text' })
  confirmedBy: string;

  /** The participant's own IANA time zone, when they gave one; else their jurisdiction's applies. */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone: string | null;
}
