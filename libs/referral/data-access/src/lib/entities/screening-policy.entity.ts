import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One version of a jurisdiction's screening policy; every PUT adds the next version. */
@Entity({ name: 'screening_policy' })
export class ScreeningPolicyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'screening_policy_pk' })
  jurisdiction: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'screening_policy_pk' })
  version: number;

  @Column({ name: 'excluded_offense_categories', type: 'text', array: true })
  excludedOffenseCategories: string[];

  @Column({ name: 'review_offense_categories', type: 'text', array: true })
  reviewOffenseCategories: string[];

  @Column({ name: 'allowed_stages', type: 'text', array: true })
  allowedStages: string[];

  @Column({ name: 'excluded_severities', type: 'text', array: true })
  excludedSeverities: string[];

  @Column({ name: 'protective_order_needs_review', type: 'boolean' })
  protectiveOrderNeedsReview: boolean;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
