import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ExcludedPartner, RankedCandidate } from '@rj/matching/domain';

export const MATCH_STATUSES = ['offering', 'assigned', 'unmatched', 'withdrawn'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/**
 * One referral's match: every candidate with its score and reasons, every excluded partner with
 * the hard constraints it failed, and the weights version that ranked them, whole (match.computed
 * carries at most 200 of each). Offers follow the candidates' order.
 */
@Entity({ name: 'referral_match' })
export class MatchEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'referral_match_pk' })
  id: string;

  @Column('uuid', { name: 'referral_id' })
  referralId: string;

  @Column('integer', { name: 'weights_version' })
  weightsVersion: number;

  /** Best first. */
  @Column('jsonb')
  candidates: RankedCandidate[];

  @Column('jsonb')
  excluded: ExcludedPartner[];

  @Column('text')
  status: MatchStatus;

  @Column('timestamptz', { name: 'computed_at' })
  computedAt: Date;

  /** When it was assigned, unmatched or withdrawn. */
  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt: Date | null;
}
