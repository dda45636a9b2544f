import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A signed (sequence, hash) of the chain; auditors keep copies outside this database. */
@Entity({ name: 'ledger_checkpoint' })
export class LedgerCheckpointEntity {
  @PrimaryColumn({ type: 'bigint' }) sequence: string;
  @Column({ type: 'char', length: 64 }) hash: string;
  @Column({ name: 'signed_at', type: 'timestamptz' }) signedAt: Date;
  @Column({ type: 'text' }) signature: string;
  @Column({ name: 'public_key_id', type: 'text' }) publicKeyId: string;
}
