import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ScreeningReasonRow } from './row-types';

/**
 * A referral as intake keeps it. Columns holding personal data or free text carry `pii:1:`
 * ciphertext under the referral's data key and are null once erased; everything else is
 * codes, ids and dates. Facts learnt from other services' events (partner, case, dates) are
 * kept for the referral's view and the prosecutor's report.
 */
@Entity({ name: 'referral' })
export class ReferralEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'referral_pk' })
  id: string;

  @Column({ name: 'office_id', type: 'uuid' }) officeId: string;
  @Column({ name: 'data_key_id', type: 'uuid' }) dataKeyId: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'text' }) source: string;
  @Column({ name: 'case_number', type: 'text', nullable: true }) caseNumber: string | null;
  /** The case number's keyed blind index (an HMAC, not the number) for equality search; null once erased. */
  @Column({ name: 'case_number_index', type: 'text', nullable: true }) caseNumberIndex: string | null;
  @Column({ type: 'text' }) jurisdiction: string;
  @Column({ name: 'offense_code', type: 'text' }) offenseCode: string;
  @Column({ name: 'offense_category', type: 'text' }) offenseCategory: string;
  @Column({ name: 'offense_severity', type: 'text' }) offenseSeverity: string;
  @Column({ name: 'offense_description', type: 'text', nullable: true }) offenseDescription: string | null;
  @Column({ name: 'incident_date', type: 'date' }) incidentDate: string;
  @Column({ type: 'text' }) stage: string;
  @Column({ name: 'protective_order', type: 'boolean' }) protectiveOrder: boolean;
  @Column({ name: 'report_back_by', type: 'date' }) reportBackBy: string;
  @Column({ type: 'text', nullable: true }) notes: string | null;

  @Column({ name: 'screening_outcome', type: 'text' }) screeningOutcome: string;
  @Column({ name: 'screening_reasons', type: 'jsonb' }) screeningReasons: ScreeningReasonRow[];
  @Column({ name: 'screening_policy_version', type: 'integer' }) screeningPolicyVersion: number;
  /** The built-in default policy decided (the jurisdiction had none of its own). */
  @Column({ name: 'screening_default_policy', type: 'boolean' }) screeningDefaultPolicy: boolean;

  @Column({ name: 'review_decision', type: 'text', nullable: true }) reviewDecision: string | null;
  /** The reviewer's reason in words: ciphertext, never in events. */
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason: string | null;
  @Column({ name: 'reviewer_sub', type: 'text', nullable: true }) reviewerSub: string | null;
  @Column({ name: 'reviewer_role', type: 'text', nullable: true }) reviewerRole: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  @Column({ name: 'requires_specialist', type: 'boolean' }) requiresSpecialist: boolean;
  @Column({ name: 'specialist_category', type: 'text', nullable: true }) specialistCategory: string | null;

  @Column({ name: 'partner_id', type: 'uuid', nullable: true }) partnerId: string | null;
  @Column({ name: 'case_id', type: 'uuid', nullable: true }) caseId: string | null;
  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'first_session_at', type: 'timestamptz', nullable: true }) firstSessionAt: Date | null;
  @Column({ name: 'agreement_at', type: 'timestamptz', nullable: true }) agreementAt: Date | null;
  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true }) concludedAt: Date | null;
  @Column({ name: 'return_reason_code', type: 'text', nullable: true }) returnReasonCode: string | null;

  @Column({ name: 'withdraw_reason_code', type: 'text', nullable: true }) withdrawReasonCode: string | null;
  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt: Date | null;
  /** The report-back date the deadline scan last flagged, so it flags each date once. */
  @Column({ name: 'deadline_flagged_for', type: 'date', nullable: true }) deadlineFlaggedFor: string | null;
  @Column({ name: 'personal_data_erased_at', type: 'timestamptz', nullable: true }) personalDataErasedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'text' }) submittedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
