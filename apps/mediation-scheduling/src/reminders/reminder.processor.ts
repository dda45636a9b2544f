import type { DataSource, EntityManager } from 'typeorm';
import { systemActor, uuidv7, ReminderSent, type ReminderSentData } from '@rj/shared/contracts';
import { jobIdOf } from '@rj/shared/jobs';
import { publishEvent } from '@rj/shared/messaging';
import {
  channelStillConfirmed,
  decideParticipantMail,
  lastChannelConfirmation,
  type NotificationService,
  quietHoursZone,
  safeEmailOf,
} from '@rj/shared/notifications';
import { afterCommit, withTransaction } from '@rj/shared/persistence';
import {
  ContactConfirmationEntity,
  JurisdictionSettingEntity,
  MediationCaseEntity,
  PartnerEntity,
  ReferralSnapshotEntity,
  SessionEntity,
} from '@rj/scheduling/data-access';
import { participantTimeZone } from '@rj/scheduling/domain';
import type { Clock } from '@rj/shared/service';
import { sessionReminderJob, type SessionReminderPayload } from './session-reminder.job';
import { reminderMail } from './reminder-mail';

const KIND = 'session.reminder';

/**
 * Sends one reminder (product.md, Dialogue: "only through channels the participant marked as
 * safe"). The address stays ciphertext in the notification row and is decrypted only by the
 * delivery job, at send time. A safe channel counts only while it is re-confirmed: confirmed
 * with a mediator, or carried by the referral and unchanged, within SAFE_CHANNEL_CONFIRMATION_DAYS
 * (`channelStillConfirmed`). No confirmed safe e-mail channel, or erased data: nothing is sent,
 * the skip is recorded, and reminder.sent says so with a reason code (`no_safe_channel` for a
 * channel whose confirmation lapsed too: the mediator's home lists it, to phone the person).
 *
 * The words come from the message catalogue in the participant's language, with the session's
 * time in their time zone (their own when recorded, else their jurisdiction's); someone who
 * needs an interpreter and whose language has no catalogue gets no e-mail they cannot read
 * (`no_message_in_language`: the mediator phones them). The mail waits out their quiet hours
 * and goes out under the partner's neutral sender name (the notification library's rules).
 */
export class ReminderProcessor {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly channels: { clock: Clock; confirmationDays: number },
  ) {}

  async handle(payload: SessionReminderPayload): Promise<void> {
    await withTransaction(this.dataSource, (manager) => this.record(manager, payload));
  }

  /** Claims and records the reminder; its mail is handed to the delivery queue once this commits. */
  private async record(manager: EntityManager, payload: SessionReminderPayload): Promise<void> {
    const session = await manager.findOne(SessionEntity, { where: { id: payload.sessionId } });
    // Cancelled, completed or moved since the job was planned: this reminder no longer stands.
    if (!session || session.status !== 'scheduled' || session.startsAt.getTime() !== payload.startsAtMs) return;
    if (!session.participantIds.includes(payload.participantId)) return;
    // The case's lock keeps its events in commit order, and waits out a cancellation in flight.
    const caseRow = await manager.findOne(MediationCaseEntity, {
      where: { id: session.caseId },
      lock: { mode: 'pessimistic_write' },
    });
    const current = await manager.findOne(SessionEntity, { where: { id: payload.sessionId } });
    if (!caseRow || current?.status !== 'scheduled') return;

    const snapshot = await manager.findOne(ReferralSnapshotEntity, { where: { referralId: session.referralId } });
    const participant = snapshot?.participants?.find((p) => p.participantId === payload.participantId);
    const confirmation = await manager.findOne(ContactConfirmationEntity, {
      where: { caseId: session.caseId, participantId: payload.participantId },
    });
    const confirmed = channelStillConfirmed(
      lastChannelConfirmation(caseRow.openedAt, confirmation?.confirmedAt),
      this.channels.clock.now(),
      this.channels.confirmationDays,
    );
    // The rule every participant's mail follows: erased data, a safe channel confirmed now, a language they can read.
    const decision = decideParticipantMail({
      address: participant && confirmed ? safeEmailOf(participant.contact) : null,
      personalDataErased: Boolean(snapshot?.personalDataErasedAt),
      preferredLanguage: participant?.preferredLanguage ?? null,
      interpreter: participant?.interpreter ?? null,
    });
    const reasonCode = decision.send ? null : decision.reason;
    const data: ReminderSentData =
      reasonCode === null
        ? {
            sessionId: session.id,
            caseId: session.caseId,
            participantId: payload.participantId,
            delivered: true,
            channel: 'email',
            offsetMinutes: payload.offsetMinutes,
          }
        : {
            sessionId: session.id,
            caseId: session.caseId,
            participantId: payload.participantId,
            delivered: false,
            reasonCode,
            offsetMinutes: payload.offsetMinutes,
          };
    const claimed = await manager.query(
      `insert into reminder_delivery (reminder_key, session_id, participant_id, offset_minutes, delivered, handled_at)
       values ($1, $2, $3, $4, $5, now()) on conflict do nothing returning reminder_key`,
      [jobIdOf(sessionReminderJob, payload), session.id, payload.participantId, payload.offsetMinutes, data.delivered],
    );
    if ((claimed as unknown[]).length === 0) return; // handled before: BullMQ runs at least once

    const jurisdiction = snapshot?.jurisdiction
      ? await manager.findOne(JurisdictionSettingEntity, { where: { jurisdiction: snapshot.jurisdiction } })
      : null;
    const timeZone = participantTimeZone(confirmation?.timeZone, jurisdiction?.timeZone);
    // Quiet hours need a known local time: with no zone of theirs or their jurisdiction's, the time is shown in UTC and sent as due.
    const knownZone = quietHoursZone(confirmation?.timeZone, jurisdiction?.timeZone);
    const words = reminderMail({
      kind: session.kind,
      startsAt: session.startsAt,
      language: decision.language,
      timeZone,
      interpreter: session.interpreterNeeded && participant?.interpreter === true,
    });
    const mail = { kind: KIND, referralId: session.referralId, ...words };
    const partner = await manager.findOne(PartnerEntity, { where: { id: caseRow.partnerId } });
    if (decision.send) {
      const notificationId = await this.notifications.queueEmail(manager, {
        ...mail,
        to: decision.address,
        encrypted: true,
        timeZone: knownZone,
        senderName: partner?.name,
      });
      afterCommit(manager, () => this.notifications.enqueue(notificationId));
    } else await this.notifications.recordSkipped(manager, { ...mail, reason: decision.reason });
    await publishEvent(manager, ReminderSent, {
      aggregateId: session.id,
      referralId: session.referralId,
      actor: systemActor('mediation-scheduling'),
      causedBy: { correlationId: uuidv7(), causationId: null },
      data,
    });
  }
}
