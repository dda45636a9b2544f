import { Column, Entity, PrimaryColumn } from 'typeorm';

export type PracticeRecordTypeColumn = 'credential' | 'background_check' | 'language' | 'practice';

/**
 * One item of a mediator's practice (issue 22): a credential, a background check, a language
 * the mediator was checked competent in, or a practice entry (supervision session, observed
 * practice, co-facilitated case). Staff data, kept plain; seen only by the partner's admin and
 * platform admins. Credentials, checks and languages count only once `verified_at` is set.
 * Never case content: a supervision entry is a date and a supervisor.
 */
@Entity({ name: 'practice_record' })
export class PracticeRecordEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'practice_record_pk' })
  id: string;

  @Column({ name: 'mediator_sub', type: 'text' })
  mediatorSub: string;

  @Column({ name: 'partner_id', type: 'uuid' })
  partnerId: string;

  @Column({ name: 'record_type', type: 'text' })
  recordType: PracticeRecordTypeColumn;

  /** A credential or check kind, a language code, or a practice kind. */
  @Column({ type: 'text' })
  kind: string;

  @Column({ type: 'text', nullable: true })
  issuer: string | null;

  /** numeric comes back as a string from pg; the service converts it. */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  hours: string | number | null;

  /** Days (`YYYY-MM-DD`): when obtained, checked or held. */
  @Column({ name: 'obtained_on', type: 'date', nullable: true })
  obtainedOn: string | null;

  /** The last day it counts, in the jurisdiction's time zone. */
  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  /** Certificate or check reference. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  /** Offence categories a credential qualifies for. */
  @Column({ type: 'jsonb' })
  categories: string[];

  /** The supervisor, observer or lead mediator of a practice entry. */
  @Column({ name: 'with_name', type: 'text', nullable: true })
  withName: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;

  @Column({ name: 'verified_by', type: 'text', nullable: true })
  verifiedBy: string | null;

  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true })
  verifiedAt: Date | null;

  /** The verification's day in the platform's reference zone: starts the supervision clock. */
  @Column({ name: 'verified_on', type: 'date', nullable: true })
  verifiedOn: string | null;
}

/** A jurisdiction's own practice thresholds (libs/scheduling/domain practice-thresholds.ts), versioned by each PUT. */
@Entity({ name: 'practice_thresholds' })
export class PracticeThresholdsEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'practice_thresholds_pk' })
  jurisdiction: string;

  @Column({ type: 'jsonb' })
  thresholds: Record<string, unknown>;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
