import { Column, Entity, PrimaryColumn } from 'typeorm';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dropped'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One message owed to one endpoint; its id is the Standard Webhooks `webhook-id`, the same on
 * every attempt so the receiver can de-duplicate. Postgres is the truth: the BullMQ job carries
 * the id and the round (a manual re-send starts a new round). The payload holds ids and codes
 * only (the receiver fetches details with its own credentials).
 */
@Entity({ name: 'webhook_delivery' })
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'PK_webhook_delivery' })
  id: string;

  @Column({ name: 'endpoint_id', type: 'uuid' }) endpointId: string;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId: string | null;
  /** What caused it (an event id and type): the same cause never makes two deliveries. */
  @Column({ name: 'source_key', type: 'text' }) sourceKey: string;
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  /** Not sent before: outcome changes wait for the daily batch. */
  @Column({ name: 'release_at', type: 'timestamptz' }) releaseAt: Date;
  @Column({ type: 'text' }) status: WebhookDeliveryStatus;
  @Column({ type: 'integer' }) round: number;
  @Column({ type: 'integer' }) attempts: number;
  @Column({ name: 'queued_round', type: 'integer', nullable: true }) queuedRound: number | null;
  @Column({ name: 'last_response_status', type: 'integer', nullable: true }) lastResponseStatus: number | null;
  /** A code (`http_500`, `timeout`, `destination_refused`, `personal_data_erased`), never a body. */
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'first_attempt_at', type: 'timestamptz', nullable: true }) firstAttemptAt: Date | null;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
