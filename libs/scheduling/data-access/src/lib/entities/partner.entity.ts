import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A partner organisation as partner.* events describe it; its id is the `org` of its staff. */
@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'partner_pk' })
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'boolean' })
  active: boolean;

  /** The partner's work e-mail: reminders about its mediators' practice go there (issue 22). */
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail?: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
