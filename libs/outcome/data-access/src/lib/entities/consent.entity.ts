import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The latest decision per participant, purpose and giver (the participant or their guardian). */
@Entity({ name: 'consent' })
export class ConsentEntity {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @PrimaryColumn({ type: 'text' }) purpose: string;
  @PrimaryColumn({ name: 'by_guardian', type: 'boolean' }) byGuardian: boolean;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ type: 'text' }) decision: string;
  /** Participation rate counts a consent given at any point, even if later withdrawn. */
  @Column({ name: 'ever_given', type: 'boolean' }) everGiven: boolean;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
