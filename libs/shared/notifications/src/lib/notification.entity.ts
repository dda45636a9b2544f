import { Column, Entity, PrimaryColumn } from 'typeorm';

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'skipped', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * One e-mail the platform owes someone. Postgres is the truth (architecture.md, Jobs): the
 * BullMQ job only carries this row's id, so a lost job is re-created from pending rows.
 *
 * `subject` and `body` never hold personal data: callers write "a session on 12 March", never
 * a name, so the table and its copies stay harmless. The recipient is a staff address as it is,
 * or a participant's address as `pii:1:` ciphertext under the referral's data key.
 */
@Entity({ name: 'notification' })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_notification' })
  id: string;

  /** What the mail is about, as a code ('session.reminder', 'offer.expired'). */
  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'referral_id', type: 'uuid', nullable: true })
  referralId: string | null;

  /** Null only for a notification skipped before a recipient was chosen (no safe channel). */
  @Column({ type: 'text', nullable: true })
  recipient: string | null;

  @Column({ name: 'recipient_is_encrypted', type: 'boolean', default: false })
  recipientIsEncrypted: boolean;

  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ type: 'text', default: 'pending' })
  status: NotificationStatus;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** An error code or a skip reason code; never a message that could quote an address. */
  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** A participant's IANA time zone: no delivery in their quiet hours. Null for staff mail. */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone: string | null;

  /** Not delivered before this moment (the end of the recipient's quiet hours). */
  @Column({ name: 'not_before', type: 'timestamptz', nullable: true })
  notBefore: Date | null;

  /** The display name a participant's mail goes out under (neutral); null: MAIL_FROM as it is. */
  @Column({ name: 'sender_name', type: 'text', nullable: true })
  senderName: string | null;
}
