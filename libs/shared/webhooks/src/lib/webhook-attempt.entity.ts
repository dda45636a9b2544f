import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One try of a delivery, for the endpoint's delivery log. Codes and figures only. */
@Entity({ name: 'webhook_attempt' })
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_webhook_attempt' })
  id: string;

  @Column({ name: 'delivery_id', type: 'uuid' }) deliveryId: string;
  @Column({ name: 'endpoint_id', type: 'uuid' }) endpointId: string;
  @Column({ type: 'integer' }) round: number;
  @Column({ type: 'integer' }) attempt: number;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'response_status', type: 'integer', nullable: true }) responseStatus: number | null;
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode: string | null;
  @Column({ name: 'duration_ms', type: 'integer' }) durationMs: number;
}
