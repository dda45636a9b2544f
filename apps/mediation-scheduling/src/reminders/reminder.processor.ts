import type { DataSource, EntityManager } from 'typeorm';
import { systemActor, uuidv7, ReminderSent, type ReminderSentData } from '@rj/shared/contracts';
import { jobIdOf } from '@rj/shared/jobs';
import { publishEvent } from '@rj/shared/messaging';
import { safeEmailOf, type NotificationService } from '@rj/shared/notifications';
import { withTransaction } from '@rj/shared/persistence';
import { MediationCaseEntity, ReferralSnapshotEntity, SessionEntity } from '@rj/scheduling/data-access';
import { sessionReminderJob, type SessionReminderPayload } from './session-reminder.job';
import { reminderMail } from './reminder-mail';

const KIND = 'session.reminder';

/**
 * Sends one reminder (product.md, Dialogue: "only through channels the participant marked as
 * safe"). The address stays ciphertext in the notification row and is decrypted only by the
 * delivery job, at send time. No safe e-mail channel, or erased data: nothing is sent, the
 * skip is recorded, and reminder.sent says so with a reason code.
 */
export class ReminderProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async handle(payload: SessionReminderPayload): Promise<void> {
    const notificationId = await withTransaction(this.dataSource, (manager) => this.record(manager, payload));
    if (notificationId) await this.notifications.enqueue(notificationId);
  }

  private async record(manager: EntityManager, payload: SessionReminderPayload): Promise<string | null> {
    const session = await manager.findOne(SessionEntity, { where: { id: payload.sessionId } });
    // Cancelled, completed or moved since the job was planned: this reminder no longer stands.
    if (!session || session.status !== 'scheduled' || session.startsAt.getTime() !== payload.startsAtMs) return null;
    if (!session.participantIds.includes(payload.participantId)) return null;
    // The case's lock keeps its events in commit order, and waits out a cancellation in flight.
    const caseRow = await manager.findOne(MediationCaseEntity, { where: { id: session.caseId }, lock: { mode: 'pessimistic_write' } });
    const current = await manager.findOne(SessionEntity, { where: { id: payload.sessionId } });
    if (!caseRow || current?.status !== 'scheduled') return null;

    const snapshot = await manager.findOne(ReferralSnapshotEntity, { where: { referralId: session.referralId } });
    const participant = snapshot?.participants?.find((p) => p.participantId === payload.participantId);
    const email = snapshot?.personalDataErasedAt || !participant ? null : safeEmailOf(participant.contact);
    const data: ReminderSentData = email
      ? { sessionId: session.id, caseId: session.caseId, participantId: payload.participantId, delivered: true, channel: 'email', offsetMinutes: payload.offsetMinutes }
      : {
          sessionId: session.id,
          caseId: session.caseId,
          participantId: payload.participantId,
          delivered: false,
          reasonCode: snapshot?.personalDataErasedAt ? 'personal_data_erased' : 'no_safe_channel',
          offsetMinutes: payload.offsetMinutes,
        };

    const claimed = await manager.query(
      `insert into reminder_delivery (reminder_key, session_id, participant_id, offset_minutes, delivered, handled_at)
       values ($1, $2, $3, $4, $5, now()) on conflict do nothing returning reminder_key`,
      [jobIdOf(sessionReminderJob, payload), session.id, payload.participantId, payload.offsetMinutes, data.delivered],
    );
    if ((claimed as unknown[]).length === 0) return null; // handled before: BullMQ runs at least once

    const mail = { kind: KIND, referralId: session.referralId, ...reminderMail(session.kind, session.startsAt) };
    const notificationId = email
      ? await this.notifications.queueEmail(manager, { ...mail, to: email, encrypted: true })
      : (await this.notifications.recordSkipped(manager, { ...mail, reason: data.reasonCode ?? 'no_safe_channel' }), null);

    await publishEvent(manager, ReminderSent, {
      aggregateId: session.id,
      referralId: session.referralId,
      actor: systemActor('mediation-scheduling'),
      causedBy: { correlationId: uuidv7(), causationId: null },
      data,
    });
    return notificationId;
  }
}
