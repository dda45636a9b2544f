import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A jurisdiction's settings as referral-intake last announced them (jurisdiction.settings_changed):
 * the latest version only. A participant's mail waits out the quiet hours of this time zone when
 * they have none of their own.
 */
@Entity({ name: 'jurisdiction_setting' })
export class JurisdictionSettingEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_jurisdiction_setting' }) jurisdiction: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ name: 'time_zone', type: 'text' }) timeZone: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
