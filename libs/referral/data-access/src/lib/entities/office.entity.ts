import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A prosecutor's office; its id is the `org` claim of its prosecutors (api.md, Auth). */
@Entity({ name: 'office' })
export class OfficeEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'office_pk' })
  id: string;

  /** An organisation's name, not a person's: work data. */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true })
  jurisdictions: string[];

  /** The office's work address; report-deadline notices go there. */
  @Column({ name: 'contact_email', type: 'text' })
  contactEmail: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
