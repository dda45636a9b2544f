import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A jurisdiction's settings as referral-intake last announced them (jurisdiction.settings_changed):
 * the latest version only. Reminders read the IANA time zone of a participant who has none of their own.
 */
@Entity({ name: 'jurisdiction_setting' })
export class JurisdictionSettingEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'jurisdiction_setting_pk' })
  jurisdiction: string;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
