import { Column, Entity, PrimaryColumn } from 'typeorm';
import { bigintAsNumber } from './column-types';

/** One recorded payment, hours or completion; the mediator's note is ciphertext. */
@Entity({ name: 'term_progress' })
export class TermProgressEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'term_id', type: 'uuid' }) termId: string;
  @Column({ name: 'amount_minor', type: 'bigint', nullable: true, transformer: bigintAsNumber }) amountMinor:
    number | null;
  @Column({ name: 'hours_hundredths', type: 'int', nullable: true }) hoursHundredths: number | null;
  @Column({ type: 'boolean', nullable: true }) done: boolean | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'text' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
}
