import { Column, Entity, PrimaryColumn } from 'typeorm';

/** An office's choice to publish a jurisdiction it serves in the public transparency report. */
@Entity({ name: 'publication_opt_in' })
export class PublicationOptInEntity {
  @PrimaryColumn({ name: 'office_id', type: 'uuid' }) officeId: string;
  @PrimaryColumn({ type: 'text' }) jurisdiction: string;
  @Column({ name: 'opted_in', type: 'boolean' }) optedIn: boolean;
  @Column({ name: 'changed_at', type: 'timestamptz', default: () => 'now()' }) changedAt: Date;
  /** The staff member's subject (work data, not a participant's). */
  @Column({ name: 'changed_by', type: 'text' }) changedBy: string;
}

/** A jurisdiction's report for one period as first published: frozen (a trigger refuses changes). */
@Entity({ name: 'published_report' })
export class PublishedReportEntity {
  @PrimaryColumn({ type: 'text' }) jurisdiction: string;
  @PrimaryColumn({ type: 'text' }) period: string;
  @Column({ name: 'published_at', type: 'timestamptz', default: () => 'now()' }) publishedAt: Date;
  @Column({ type: 'jsonb' }) figures: unknown;
}
