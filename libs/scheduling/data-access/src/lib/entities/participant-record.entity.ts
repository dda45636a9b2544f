import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Codes, flags and code lists only. */
export type RecordDetails = Record<string, string | boolean | string[]>;

export type ParticipantRecordKind = 'information' | 'risk_assessment' | 'acknowledgement' | 'consent';

/**
 * The history of what a mediator recorded per participant, with who and when. Risk factors
 * live only here (confidential: events carry the outcome code alone).
 */
@Entity({ name: 'participant_record' })
@Index('participant_record_case_idx', ['caseId', 'participantId', 'recordedAt'])
export class ParticipantRecordEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'participant_record_pk' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @Column({ type: 'text' })
  kind: ParticipantRecordKind;

  /** Codes only: version and language, outcome and factor codes, purpose and decision. */
  @Column({ type: 'jsonb' })
  details: RecordDetails;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
