import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A member of a prosecutor's office's staff on its restorative-justice training register (issue 22). */
@Entity({ name: 'office_staff_member' })
export class OfficeStaffMemberEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'office_staff_member_pk' })
  id: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  /** A colleague's name: the office's own work data, never in an event. */
  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ name: 'added_by', type: 'text' })
  addedBy: string;

  @Column({ name: 'added_at', type: 'timestamptz' })
  addedAt: Date;
}

/** One restorative-justice course a member of staff completed. */
@Entity({ name: 'office_staff_training' })
export class OfficeStaffTrainingEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'office_staff_training_pk' })
  id: string;

  @Column({ name: 'staff_member_id', type: 'uuid' })
  staffMemberId: string;

  @Column({ name: 'office_id', type: 'uuid' })
  officeId: string;

  @Column({ type: 'text' })
  course: string;

  @Column({ name: 'completed_on', type: 'date' })
  completedOn: string;

  /** numeric: pg returns a string. */
  @Column({ type: 'numeric', precision: 7, scale: 2 })
  hours: string | number;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
