import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A party of a referral: role, e-mail as `pii:1:` ciphertext, and the channels marked safe. */
@Entity({ name: 'participant' })
export class ParticipantEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ type: 'text' }) role: string;
  @Column({ type: 'text', nullable: true }) email: string | null;
  @Column({ name: 'safe_channels', type: 'text', array: true }) safeChannels: string[];
  @Column({ type: 'int' }) position: number;
  /** For equity of access only (docs/metrics.md); null for referrals kept before they were. */
  @Column({ name: 'preferred_language', type: 'text', nullable: true }) preferredLanguage: string | null;
  @Column({ type: 'boolean', nullable: true }) interpreter: boolean | null;
  @Column({ type: 'boolean', nullable: true }) minor: boolean | null;
  /** When a mediator last confirmed this person's channels with them; null while the referral's stand. */
  @Column({ name: 'channel_confirmed_at', type: 'timestamptz', nullable: true }) channelConfirmedAt: Date | null;
  /** Their own IANA time zone, when a mediator recorded one with their contact: their mail's quiet hours. */
  @Column({ name: 'time_zone', type: 'text', nullable: true }) timeZone: string | null;
  /** A person harmed who asked to be told the outcome: told, or still owed it (no confirmed safe channel then). */
  @Column({ name: 'outcome_notice', type: 'text', nullable: true }) outcomeNotice: 'sent' | 'owed' | null;
}
