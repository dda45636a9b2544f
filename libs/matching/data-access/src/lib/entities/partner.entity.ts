import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A community programme offers may go to (api.md, partner-matching). Its id is the `org` of its
 * partner_admins and mediators. `openCases` is its load: the cases it holds now, kept from
 * accepted offers and the case events that end them. `offersResolved` and
 * `responseHoursTotal` are its response record (answered offers at their real time, expired
 * ones at their whole window), from which ranking learns how fast it really answers.
 */
@Entity({ name: 'partner' })
export class PartnerEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'partner_pk' })
  id: string;

  /** An organisation's name: work data, not personal data. */
  @Column('text')
  name: string;

  @Column('text', { array: true })
  jurisdictions: string[];

  @Column('text', { name: 'offense_categories', array: true })
  offenseCategories: string[];

  @Column('text', { array: true })
  languages: string[];

  @Column('boolean', { name: 'serves_minors' })
  servesMinors: boolean;

  @Column('integer')
  capacity: number;

  /** Hours to answer an offer; fractions allowed (0.01 h = 36 s). */
  @Column('double precision', { name: 'response_hours' })
  responseHours: number;

  @Column('text', { array: true })
  specialties: string[];

  @Column('boolean')
  active: boolean;

  /** When an admin deactivated it (then `active` is false); null when active or only paused by its own admin. */
  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt: Date | null;

  /** The admin who deactivated it. */
  @Column('text', { name: 'deactivated_by', nullable: true })
  deactivatedBy: string | null;

  /** Staff address where new offers are announced (without names); null until set. */
  @Column('text', { name: 'contact_email', nullable: true })
  contactEmail: string | null;

  @Column('integer', { name: 'open_cases', default: 0 })
  openCases: number;

  @Column('integer', { name: 'offers_resolved', default: 0 })
  offersResolved: number;

  @Column('double precision', { name: 'response_hours_total', default: 0 })
  responseHoursTotal: number;

  @Column('timestamptz', { name: 'created_at' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;
}
