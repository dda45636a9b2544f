import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An admin's override of an excluded domestic- or sexual-violence category, waiting for another
 * admin's approval (or decided). The reason is ciphertext under the referral's data key.
 */
@Entity({ name: 'review_override_request' })
export class ReviewOverrideRequestEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'review_override_request_pk' })
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  /** The excluded offence category the override would lift. */
  @Column({ type: 'text' }) category: string;
  /** The asking admin's reason in words: ciphertext, null once erased; never in events. */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text' }) status: 'pending' | 'approved' | 'rejected';
  @Column({ name: 'requested_by_sub', type: 'text' }) requestedBySub: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'decided_by_sub', type: 'text', nullable: true }) decidedBySub: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
}
