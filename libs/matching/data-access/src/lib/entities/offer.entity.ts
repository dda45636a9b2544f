import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DeclineReasonCode, OfferStatus } from '@rj/shared/contracts';

/**
 * An offer of a referral to one partner. Postgres holds its `expiresAt`: the BullMQ job that
 * expires it is a convenience a sweep re-creates (architecture.md, Jobs). At most one offer of
 * a referral is pending at a time, and no partner is asked twice (unique indexes).
 */
@Entity({ name: 'offer' })
export class OfferEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'offer_pk' })
  id: string;

  @Column('uuid', { name: 'match_id' })
  matchId: string;

  @Column('uuid', { name: 'referral_id' })
  referralId: string;

  @Column('uuid', { name: 'partner_id' })
  partnerId: string;

  /** The candidate's place in the match, 1 = best. */
  @Column('integer')
  rank: number;

  @Column('text')
  status: OfferStatus;

  @Column('timestamptz', { name: 'made_at' })
  madeAt: Date;

  @Column('timestamptz', { name: 'expires_at' })
  expiresAt: Date;

  /** When it was accepted, declined, expired or withdrawn. */
  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt: Date | null;

  @Column('text', { name: 'decline_reason', nullable: true })
  declineReason: DeclineReasonCode | null;

  /**
   * The correlation of the work that made the offer and the id of its offer.made: the expiry,
   * which no request causes, carries them on so an auditor can follow the chain.
   */
  @Column('text', { name: 'correlation_id' })
  correlationId: string;

  @Column('uuid', { name: 'made_event_id', nullable: true })
  madeEventId: string | null;
}
