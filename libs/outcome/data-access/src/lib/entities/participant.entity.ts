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
}
