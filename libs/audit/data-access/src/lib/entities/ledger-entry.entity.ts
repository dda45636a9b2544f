import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One event in the ledger. bigint columns come back as strings from pg: exact, never rounded. */
@Entity({ name: 'ledger_entry' })
export class LedgerEntryEntity {
  @PrimaryColumn({ type: 'bigint' }) sequence: string;
  @Column({ name: 'event_id', type: 'uuid' }) eventId: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ name: 'kafka_partition', type: 'integer', nullable: true }) kafkaPartition: number | null;
  @Column({ name: 'kafka_offset', type: 'bigint', nullable: true }) kafkaOffset: string | null;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ name: 'aggregate_type', type: 'text' }) aggregateType: string;
  @Column({ name: 'aggregate_id', type: 'text' }) aggregateId: string;
  @Column({ name: 'referral_id', type: 'uuid', nullable: true }) referralId: string | null;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  /** The canonical JSON of the envelope exactly as hashed; the truth of the row. */
  @Column({ type: 'text' }) canonical: string;
  @Column({ name: 'prev_hash', type: 'char', length: 64 }) prevHash: string;
  @Column({ type: 'char', length: 64 }) hash: string;
}
