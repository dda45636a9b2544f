import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a person declared about themselves for equity monitoring (ethnicity, gender, disability;
 * self-declaration.ts of the outcome domain), as `pii:1:` ciphertext of its JSON under the
 * referral's data key: unreadable once the referral's personal data is erased, and deleted
 * with it. Read only to count the equity figures; no view or event carries it.
 */
@Entity({ name: 'self_declaration' })
export class SelfDeclarationEntity {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid' }) participantId: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ type: 'text' }) declaration: string;
  @Column({ name: 'declared_at', type: 'timestamptz', default: () => 'now()' }) declaredAt: Date;
}

/** The count an office supplied of cases it found eligible but did not refer, for one month. */
@Entity({ name: 'eligible_not_referred' })
export class EligibleNotReferredEntity {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' }) officeId: string;
  /** `YYYY-MM`. */
  @PrimaryColumn({ type: 'text' }) month: string;
  @Column({ type: 'int' }) count: number;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' }) recordedAt: Date;
  /** The prosecutor's subject (work data, not a participant's). */
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy: string;
}
