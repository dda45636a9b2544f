import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A survey a mediator released to one participant: the link's token only as a hash. */
@Entity({ name: 'feedback_invitation' })
export class FeedbackInvitationEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @Column({ type: 'text' }) survey: string;
  @Column({ name: 'released_by', type: 'text' }) releasedBy: string;
  @Column({ name: 'released_at', type: 'timestamptz' }) releasedAt: Date;
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true }) usedAt: Date | null;
  @Column({ type: 'text' }) role: string;
  @Column({ name: 'partner_id', type: 'uuid', nullable: true }) partnerId: string | null;
  @Column({ type: 'text' }) jurisdiction: string;
  /** The calendar quarter of the release: the only time the answers keep. */
  @Column({ type: 'text' }) period: string;
  @Column({ type: 'boolean' }) minor: boolean;
  @Column({ type: 'text' }) language: string;
  @Column({ name: 'agreement_reached', type: 'boolean' }) agreementReached: boolean;
  /** When the one reminder was settled: queued, or withheld for good by what arose since (reminderWithheldBy). */
  @Column({ name: 'reminded_at', type: 'timestamptz', nullable: true }) remindedAt?: Date | null;
  /** The reminder's own single-use link to the same survey, as a hash: either link answers it once. */
  @Column({ name: 'reminder_token_hash', type: 'text', nullable: true }) reminderTokenHash?: string | null;
}

/** A participant who asked not to be surveyed again, by their id alone (as their consent is kept). */
@Entity({ name: 'feedback_opt_out' })
export class FeedbackOptOutEntity {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @Column({ name: 'opted_out_at', type: 'timestamptz' }) optedOutAt: Date;
}

/** Answers, unlinked from anyone: role, partner, jurisdiction and quarter only. */
@Entity({ name: 'feedback_answer' })
export class FeedbackAnswerEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) survey: string;
  @Column({ type: 'text' }) role: string;
  @Column({ name: 'partner_id', type: 'uuid', nullable: true }) partnerId: string | null;
  @Column({ type: 'text' }) jurisdiction: string;
  @Column({ type: 'text' }) period: string;
  @Column({ type: 'jsonb' }) answers: Record<string, string>;
}
