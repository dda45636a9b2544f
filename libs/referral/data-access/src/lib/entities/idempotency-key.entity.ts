import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A create request's Idempotency-Key, scoped to the caller's organisation, with its first answer. */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pk' })
  scope: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text', primaryKeyConstraintName: 'idempotency_key_pk' })
  idempotencyKey: string;

  /** sha256 of the request body in canonical form: the same key with another body is 409. */
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ name: 'resource_id', type: 'uuid', nullable: true }) resourceId: string | null;
  @Column({ name: 'response_status', type: 'integer', nullable: true }) responseStatus: number | null;
  @Column({ name: 'response_body', type: 'jsonb', nullable: true }) responseBody: unknown;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
