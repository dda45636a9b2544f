import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A mediator (named by its `sub`), from mediator.registered: where overdue notices go. */
@Entity({ name: 'mediator' })
export class MediatorEntity {
  @PrimaryColumn({ type: 'text' }) id: string;
  @Column({ name: 'partner_id', type: 'uuid' }) partnerId: string;
  @Column({ type: 'text' }) email: string;
}
