import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A mediator's declaration on a case: no conflict assigns them, a conflict removes them. */
@Entity({ name: 'case_mediator' })
export class CaseMediatorEntity {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' }) caseId: string;
  @PrimaryColumn({ name: 'mediator_id', type: 'text' }) mediatorId: string;
  @Column({ type: 'boolean' }) assigned: boolean;
}
