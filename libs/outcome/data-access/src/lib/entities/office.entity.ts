import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A prosecutor's office, from office.registered/updated: where follow-up notices go. */
@Entity({ name: 'office' })
export class OfficeEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  /** Staff work address (api.md, Events): travels and is stored as it is. */
  @Column({ type: 'text' }) email: string;
  /** The jurisdictions the office serves: those it may opt in to publication. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) jurisdictions: string[];
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
