import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a referral's status history, with what caused it. */
@Entity({ name: 'referral_status_change' })
export class ReferralStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'referral_status_change_pk' })
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ type: 'text' }) status: string;
  /** When the change happened: the causing event's occurredAt. */
  @Column({ type: 'timestamptz' }) at: Date;
  /** The event type that caused it (`referral.screened`, `offer.accepted`, ...). */
  @Column({ type: 'text' }) cause: string;
  @Column({ name: 'event_id', type: 'uuid', nullable: true }) eventId: string | null;
}
