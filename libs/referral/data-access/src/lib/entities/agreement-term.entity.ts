import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A term of the referral's agreement as the report may show it: kind, due date, status. */
@Entity({ name: 'agreement_term' })
export class AgreementTermEntity {
  @PrimaryColumn({ name: 'term_id', type: 'uuid', primaryKeyConstraintName: 'agreement_term_pk' })
  termId: string;

  @Column({ name: 'referral_id', type: 'uuid' }) referralId: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId: string;
  @Column({ type: 'smallint' }) position: number;
  @Column({ type: 'text' }) kind: string;
  @Column({ name: 'due_by', type: 'date' }) dueBy: string;
  @Column({ type: 'text' }) status: string;
}
