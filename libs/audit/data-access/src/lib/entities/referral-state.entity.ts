import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The live projection: each referral's folded state, kept in step with every append. */
@Entity({ name: 'referral_state' })
export class ReferralStateEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ type: 'jsonb' }) state: Record<string, unknown>;
  @Column({ name: 'last_sequence', type: 'bigint' }) lastSequence: string;
}
