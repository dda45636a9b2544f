import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ContactRow, RepresentativeRow } from './row-types';

/**
 * A party of a referral. Its id is the participantId every later event names it by. Name,
 * date of birth, addresses, guardian, counsel and accessibility needs are ciphertext.
 */
@Entity({ name: 'party' })
export class PartyEntity {
  @PrimaryColumn({ name: 'participant_id', type: 'uuid', primaryKeyConstraintName: 'party_pk' })
  participantId: string;

  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  /** Index in the submitted `parties[]`, so the referral reads back in its order. */
  @Column({ type: 'smallint' }) position: number;
  @Column({ type: 'text' }) role: string;
  @Column({ type: 'boolean' }) minor: boolean;
  @Column({ name: 'preferred_language', type: 'text' }) preferredLanguage: string;
  @Column({ type: 'boolean' }) interpreter: boolean;
  @Column({ name: 'full_name', type: 'text', nullable: true }) fullName: string | null;
  @Column({ name: 'date_of_birth', type: 'text', nullable: true }) dateOfBirth: string | null;
  @Column({ name: 'accessibility_needs', type: 'text', nullable: true }) accessibilityNeeds: string | null;
  @Column({ type: 'jsonb' }) contact: ContactRow;
  @Column({ type: 'jsonb', nullable: true }) guardian: RepresentativeRow | null;
  @Column({ type: 'jsonb', nullable: true }) counsel: RepresentativeRow | null;
}
