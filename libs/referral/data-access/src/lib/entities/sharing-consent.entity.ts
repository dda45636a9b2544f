import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A participant's decision on sharing the outcome with the prosecutor (consent.recorded with
 * purpose `share_outcome_with_referrer`); the report shows term details only when every party
 * consented. Other purposes are not kept here: intake does not need them.
 */
@Entity({ name: 'sharing_consent' })
export class SharingConsentEntity {
  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'sharing_consent_pk' })
  eventId: string;

  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @Column({ type: 'text' }) decision: string;
  @Column({ name: 'by_guardian', type: 'boolean' }) byGuardian: boolean;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
