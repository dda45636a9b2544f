import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mediator's calendar subscription. Only a SHA-256 of the URL's secret is kept: the secret
 * is shown once, when made; rotating replaces the hash, revoking deletes the row.
 */
@Entity({ name: 'calendar_feed' })
@Index('calendar_feed_token_hash_uq', ['tokenHash'], { unique: true })
export class CalendarFeedEntity {
  @PrimaryColumn({ name: 'mediator_sub', type: 'text', primaryKeyConstraintName: 'calendar_feed_pk' })
  mediatorSub: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
