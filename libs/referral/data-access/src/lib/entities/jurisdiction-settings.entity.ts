import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One version of a jurisdiction's settings; every PUT adds the next version, never changes one
 * (like screening policies). Today the IANA time zone participants' messages are written in;
 * later the publication and credential settings.
 */
@Entity({ name: 'jurisdiction_settings' })
export class JurisdictionSettingsEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'jurisdiction_settings_pk' })
  jurisdiction: string;

  @PrimaryColumn({ type: 'integer', primaryKeyConstraintName: 'jurisdiction_settings_pk' })
  version: number;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'created_by', type: 'text' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
