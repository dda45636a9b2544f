import { Column, Entity, PrimaryColumn } from 'typeorm';

export type FollowUpStatus = 'scheduled' | 'due' | 'recorded' | 'dropped';

/** A re-offence follow-up (product.md step 9); the due date is the truth the scan reads. */
@Entity({ name: 'follow_up' })
export class FollowUpEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ name: 'office_id', type: 'uuid' }) officeId: string;
  @Column({ name: 'months_after', type: 'int' }) monthsAfter: number;
  @Column({ name: 'due_on', type: 'date' }) dueOn: string;
  @Column({ type: 'text' }) status: FollowUpStatus;
  @Column({ type: 'boolean', nullable: true }) reoffended: boolean | null;
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true }) recordedAt: Date | null;
}
