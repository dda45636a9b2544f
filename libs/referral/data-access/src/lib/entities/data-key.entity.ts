import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One referral's data key in the key store, wrapped by a master key (architecture.md,
 * Personal data and erasure). `wrapped` is null once erased: the row stays as the record.
 */
@Entity({ name: 'data_key' })
export class DataKeyEntity {
  @PrimaryColumn({ name: 'key_id', type: 'uuid', primaryKeyConstraintName: 'data_key_pk' })
  keyId: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  /** Which master key wrapped it, so a rotation knows what to re-wrap. */
  @Column({ name: 'master_key_id', type: 'text' })
  masterKeyId: string;

  @Column({ type: 'text', nullable: true })
  wrapped: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt: Date | null;
}
