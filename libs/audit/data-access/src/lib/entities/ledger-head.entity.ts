import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The single row every append locks: the last sequence and hash of the chain. */
@Entity({ name: 'ledger_head' })
export class LedgerHeadEntity {
  @PrimaryColumn({ type: 'smallint' }) id: number;
  @Column({ type: 'bigint' }) sequence: string;
  @Column({ type: 'char', length: 64 }) hash: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', nullable: true }) recordedAt: Date | null;
}
