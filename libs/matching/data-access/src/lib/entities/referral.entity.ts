import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OffenseSeverity, ScreeningOutcome } from '@rj/shared/contracts';

/**
 * partner-matching's copy of a referral: the attributes matching needs from referral.submitted
 * and the screening or review that made it eligible (architecture.md, event-carried state).
 * Never a name, a contact or free text: only codes, flags and the owning office.
 */
@Entity({ name: 'referral' })
export class ReferralEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'referral_pk' })
  id: string;

  /** The prosecutor's office that referred it: the only prosecutors who may read its match. */
  @Column('uuid', { name: 'office_id' })
  officeId: string;

  @Column('text')
  jurisdiction: string;

  @Column('text', { name: 'offense_category' })
  offenseCategory: string;

  @Column('text')
  severity: OffenseSeverity;

  /** The parties' preferred languages (language codes only). */
  @Column('text', { array: true })
  languages: string[];

  @Column('boolean', { name: 'has_minor' })
  hasMinor: boolean;

  /** The latest screening or review decision; null until one arrives. */
  @Column('text', { name: 'screening_outcome', nullable: true })
  screeningOutcome: ScreeningOutcome | null;

  /** An overridden exclusion goes only to specialists (api.md, review). */
  @Column('boolean', { name: 'requires_specialist', default: false })
  requiresSpecialist: boolean;

  @Column('text', { name: 'specialist_category', nullable: true })
  specialistCategory: string | null;

  /** Set by referral.withdrawn: matching stops for good. */
  @Column('timestamptz', { name: 'withdrawn_at', nullable: true })
  withdrawnAt: Date | null;

  @Column('timestamptz', { name: 'submitted_at' })
  submittedAt: Date;
}
