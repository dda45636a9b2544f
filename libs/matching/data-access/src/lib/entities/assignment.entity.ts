import { Column, Entity, PrimaryColumn } from 'typeorm';

export const RELEASE_REASONS = ['case_concluded', 'case_completed', 'case_returned', 'referral_withdrawn'] as const;
export type ReleaseReason = (typeof RELEASE_REASONS)[number];

/**
 * A referral a partner took: one unit of its load while `active`. Created when the offer is
 * accepted, linked to the case on case.opened, released by whichever comes first of
 * case.concluded, case.completed, case.returned and referral.withdrawn. Releasing is a
 * conditional update on `active`, so the load drops once however many of them arrive.
 */
@Entity({ name: 'partner_assignment' })
export class AssignmentEntity {
  @PrimaryColumn({ type: 'uuid', name: 'referral_id', primaryKeyConstraintName: 'partner_assignment_pk' })
  referralId: string;

  @Column('uuid', { name: 'partner_id' })
  partnerId: string;

  @Column('uuid', { name: 'offer_id' })
  offerId: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId: string | null;

  @Column('boolean')
  active: boolean;

  @Column('timestamptz', { name: 'assigned_at' })
  assignedAt: Date;

  @Column('timestamptz', { name: 'released_at', nullable: true })
  releasedAt: Date | null;

  @Column('text', { name: 'release_reason', nullable: true })
  releaseReason: ReleaseReason | null;
}
