import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per reminder handled (its deterministic job id): a job that runs twice (BullMQ is at
 * least once, the sweep re-adds) finds the row and sends nothing more.
 */
@Entity({ name: 'reminder_delivery' })
export class ReminderDeliveryEntity {
  @PrimaryColumn({ name: 'reminder_key', type: 'text', primaryKeyConstraintName: 'reminder_delivery_pk' })
  reminderKey: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'participant_id', type: 'uuid' })
  participantId: string;

  @Column({ name: 'offset_minutes', type: 'int' })
  offsetMinutes: number;

  @Column({ type: 'boolean' })
  delivered: boolean;

  @Column({ name: 'handled_at', type: 'timestamptz' })
  handledAt: Date;
}
