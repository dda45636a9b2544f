import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What outcome-tracking keeps of a referral: its office, the attributes the figures filter and
 * group by, and the milestones the time figures measure (docs/metrics.md).
 */
@Entity({ name: 'referral' })
export class ReferralEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'office_id', type: 'uuid' }) officeId: string;
  @Column({ type: 'text' }) jurisdiction: string;
  @Column({ type: 'text' }) source: string;
  @Column({ name: 'data_key_id', type: 'uuid' }) dataKeyId: string;
  @Column({ name: 'submitted_at', type: 'timestamptz' }) submittedAt: Date;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'partner_id', type: 'uuid', nullable: true }) partnerId: string | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true }) firstContactAt: Date | null;
  @Column({ name: 'first_dialogue_at', type: 'timestamptz', nullable: true }) firstDialogueAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  /** The office's offence category code (equity figures group it); null before it was kept. */
  @Column({ name: 'offense_category', type: 'text', nullable: true }) offenseCategory: string | null;
  /** When screening or a review found the referral eligible. */
  @Column({ name: 'screened_eligible_at', type: 'timestamptz', nullable: true }) screenedEligibleAt: Date | null;
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt: Date | null;
}
