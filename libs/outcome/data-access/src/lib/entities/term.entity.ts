import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './column-types';

/** One term of an agreement; money in minor units, hours in hundredths (exact sums). */
@Entity({ name: 'term' })
export class TermEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'due_by', type: 'date' }) dueBy: string;
  @Column({ type: 'char', length: 3, nullable: true }) currency: string | null;
  @Column({ name: 'amount_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber }) amountMinor:
    number | null;
  @Column({ name: 'paid_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber }) paidMinor: number | null;
  @Column({ type: 'int', nullable: true }) instalments: number | null;
  @Column({ type: 'text', nullable: true }) recipient: string | null;
  @Column({ name: 'hours_hundredths', type: 'int', nullable: true }) hoursHundredths: number | null;
  @Column({ name: 'hours_done_hundredths', type: 'int', nullable: true }) hoursDoneHundredths: number | null;
  /** Free text: `pii:1:` ciphertext under the referral's data key, never in events. */
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'boolean', default: false }) fulfilled: boolean;
  @Column({ name: 'overdue_flagged', type: 'boolean', default: false }) overdueFlagged: boolean;
}
