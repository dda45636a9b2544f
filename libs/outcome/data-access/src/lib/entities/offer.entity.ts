import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An offer to a partner, for response times and decline reasons (docs/metrics.md). */
@Entity({ name: 'offer' })
export class OfferEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ name: 'partner_id', type: 'uuid' }) partnerId: string;
  @Column({ name: 'made_at', type: 'timestamptz', nullable: true }) madeAt: Date | null;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ name: 'decline_reason', type: 'text', nullable: true }) declineReason: string | null;
}
