import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The first answer to a create request sent with an `Idempotency-Key` (api.md, Conventions),
 * scoped to the caller's organisation: the same key and body get this answer again; the same key
 * with another body is a 409.
 */
@Entity({ name: 'idempotency_key' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pk' })
  scope: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_key_pk' })
  key: string;

  /** sha256 of the route and the canonical body. */
  @Column('text', { name: 'request_hash' })
  requestHash: string;

  @Column('integer', { name: 'response_status' })
  responseStatus: number;

  @Column('jsonb', { name: 'response_body' })
  responseBody: unknown;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;
}
