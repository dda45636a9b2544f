import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CaseMediatorStatus = 'proposed' | 'assigned' | 'conflicted';

/** Who was proposed for which case, and how they declared: the index of "my cases". */
@Entity({ name: 'case_mediator' })
export class CaseMediatorEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid', primaryKeyConstraintName: 'case_mediator_pk' })
  caseId: string;

  @PrimaryColumn({ name: 'mediator_id', type: 'text', primaryKeyConstraintName: 'case_mediator_pk' })
  mediatorId: string;

  @Column({ type: 'text' })
  status: CaseMediatorStatus;

  @Column({ name: 'proposed_by', type: 'text' })
  proposedBy: string;

  @Column({ name: 'proposed_at', type: 'timestamptz' })
  proposedAt: Date;

  @Column({ name: 'declared_at', type: 'timestamptz', nullable: true })
  declaredAt: Date | null;
}
