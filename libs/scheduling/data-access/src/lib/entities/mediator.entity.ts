import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A mediator of a partner, named by the identity provider's `sub`. Staff data: kept plain. */
@Entity({ name: 'mediator' })
@Index('mediator_partner_idx', ['partnerId', 'sub'])
export class MediatorEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'mediator_pk' })
  sub: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'jsonb' })
  specialties: string[];

  @Column({ name: 'registered_by', type: 'text' })
  registeredBy: string;

  @Column({ name: 'registered_at', type: 'timestamptz' })
  registeredAt: Date;

  /** Set by a deactivation: proposed for no new case from then on; history and cases stay. */
  @Column({ name: 'deactivated_at', type: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null;

  @Column({ name: 'deactivated_by', type: 'text', nullable: true })
  deactivatedBy?: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', nullable: true })
  updatedAt?: Date | null;
}
