import { Column, Entity, PrimaryColumn } from 'typeorm';

export const WEBHOOK_ENDPOINT_STATUSES = ['pending_approval', 'active', 'disabled'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

/**
 * An organisation's HTTPS endpoint for its referrals' events. It delivers only once an admin
 * approved its destination (`active`); persistent failure disables it. The signing secrets are
 * ciphertext under the service's master key: a copy of the table cannot forge a delivery.
 */
@Entity({ name: 'webhook_endpoint' })
export class WebhookEndpointEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_webhook_endpoint' })
  id: string;

  /** The owning organisation: an office in referral-intake, a partner in partner-matching. */
  @Column({ name: 'org_id', type: 'uuid' }) orgId: string;
  @Column({ type: 'text' }) url: string;
  @Column({ name: 'event_types', type: 'text', array: true }) eventTypes: string[];
  @Column({ type: 'text' }) status: WebhookEndpointStatus;
  /** Where the disabling notice goes: a staff address of the organisation. */
  @Column({ name: 'contact_email', type: 'text' }) contactEmail: string;
  @Column({ type: 'text' }) secret: string;
  /** The secret before the last rotation, still signing until `previousSecretUntil`. */
  @Column({ name: 'previous_secret', type: 'text', nullable: true }) previousSecret: string | null;
  @Column({ name: 'previous_secret_until', type: 'timestamptz', nullable: true }) previousSecretUntil: Date | null;
  @Column({ name: 'created_by', type: 'text' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'approved_by', type: 'text', nullable: true }) approvedBy: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt: Date | null;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  /** A code: `persistent_failure`, `destination_refused`, `disabled_by_owner`. */
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason: string | null;
  @Column({ name: 'last_success_at', type: 'timestamptz', nullable: true }) lastSuccessAt: Date | null;
}
