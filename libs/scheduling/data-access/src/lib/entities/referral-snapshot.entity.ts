import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReferralParticipant } from '@rj/shared/contracts';

/**
 * What scheduling keeps of a referral from referral.* events (architecture.md, Who knows
 * what): the participants exactly as referral.submitted carried them, names and contacts as
 * ciphertext under `dataKeyId`. Null participants: a withdrawal seen before the submission.
 */
@Entity({ name: 'referral_snapshot' })
export class ReferralSnapshotEntity {
  @PrimaryColumn({ name: 'referral_id', type: 'uuid', primaryKeyConstraintName: 'referral_snapshot_pk' })
  referralId: string;

  @Column({ name: 'office_id', type: 'uuid', nullable: true })
  officeId: string | null;

  /** The referral's jurisdiction: whose practice thresholds a proposal for its case applies. */
  @Column({ type: 'text', nullable: true })
  jurisdiction?: string | null;

  @Column({ name: 'data_key_id', type: 'uuid', nullable: true })
  dataKeyId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  participants: ReferralParticipant[] | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true })
  personalDataErasedAt: Date | null;
}
