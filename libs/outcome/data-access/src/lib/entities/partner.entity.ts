import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A partner organisation, from partner.registered/updated. */
@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  /** The organisation's display name: participants' survey mail goes out under it when it reveals nothing. */
  @Column({ type: 'text', nullable: true }) name?: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
