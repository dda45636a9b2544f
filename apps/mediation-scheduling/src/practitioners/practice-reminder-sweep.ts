import type { DataSource } from 'typeorm';
import type { NotificationService } from '@rj/shared/notifications';
import { afterCommit } from '@rj/shared/persistence';
import { PeriodicSweep, type Clock } from '@rj/shared/service';
import { MediatorEntity, PartnerEntity, PracticeRecordEntity } from '@rj/scheduling/data-access';
import { DEFAULT_PRACTICE_THRESHOLDS, localDay, practiceReminders, type PracticeReminder } from '@rj/scheduling/domain';
import { loadPractitionerFacts, NO_PRACTICE } from './practitioner-facts';
import { KIND_IN_WORDS } from './practice-words';

/**
 * Issue 22: credentials and checks expiring within 60 days, and supervision due within 14
 * days, are e-mailed to the partner's work address — each once (practice_reminder keeps what
 * was sent, inserted in the same transaction as the mail). Nothing about it reaches
 * participants. Runs at start-up and on the reminder sweep's schedule.
 */
export class PracticeReminderSweep extends PeriodicSweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
    private readonly clock: Clock,
  ) {
    super('practice reminder sweep');
  }

  /** Sends what is due for every active mediator of a partner with a work e-mail; returns how many mails. */
  async sweepOnce(): Promise<number> {
    const thresholds = DEFAULT_PRACTICE_THRESHOLDS;
    const today = localDay(this.clock.now(), thresholds.timeZone);
    const partners = (await this.dataSource.getRepository(PartnerEntity).find()).filter(
      (partner) => partner.contactEmail,
    );
    let sent = 0;
    for (const partner of partners) {
      const mediators = await this.dataSource
        .getRepository(MediatorEntity)
        .find({ where: { partnerId: partner.id }, order: { sub: 'ASC' } });
      for (const mediator of mediators.filter((m) => m.deactivatedAt == null)) {
        const records = await this.dataSource.getRepository(PracticeRecordEntity).findBy({ mediatorSub: mediator.sub });
        const facts =
          (await loadPractitionerFacts(this.dataSource.manager, [mediator.sub])).get(mediator.sub) ?? NO_PRACTICE;
        const due = practiceReminders(
          records.map((r) => ({ recordId: r.id, expiresOn: r.expiresOn, verifiedOn: r.verifiedOn })),
          facts,
          thresholds,
          today,
        );
        for (const reminder of due) {
          if (await this.send(partner.contactEmail as string, mediator, reminder, records)) sent++;
        }
      }
    }
    return sent;
  }

  private async send(
    to: string,
    mediator: MediatorEntity,
    reminder: PracticeReminder,
    records: PracticeRecordEntity[],
  ): Promise<boolean> {
    const key =
      reminder.kind === 'record_expiring'
        ? `record:${reminder.recordId}:${reminder.expiresOn}`
        : `supervision:${reminder.dueOn}`;
    return this.dataSource.transaction(async (manager) => {
      const inserted = (await manager.query(
        'insert into practice_reminder (mediator_sub, reminder_key, sent_at) values ($1, $2, $3) on conflict do nothing returning reminder_key',
        [mediator.sub, key, this.clock.now()],
      )) as unknown[];
      if (inserted.length === 0) return false;
      const mail =
        reminder.kind === 'record_expiring'
          ? expiringMail(
              mediator,
              reminder.expiresOn,
              records.find((r) => r.id === reminder.recordId),
            )
          : supervisionMail(mediator, reminder.dueOn);
      const notificationId = await this.notifications.queueEmail(manager, {
        kind: `practice.${reminder.kind}`,
        to,
        ...mail,
      });
      // Should this fail, the notifications' own sweep sends it later.
      afterCommit(manager, () => this.notifications.enqueue(notificationId));
      return true;
    });
  }
}

function expiringMail(mediator: MediatorEntity, expiresOn: string, record: PracticeRecordEntity | undefined) {
  const what = record ? (KIND_IN_WORDS[record.kind] ?? record.kind) : 'A credential';
  return {
    subject: `${mediator.fullName}: ${what.toLowerCase()} expires on ${expiresOn}`,
    body: `${what} of ${mediator.fullName} expires on ${expiresOn}. After that day it no longer counts, and ${mediator.fullName} cannot be proposed for new cases if it is one they need. Record the renewed one in the console; an administrator verifies it.`,
  };
}

function supervisionMail(mediator: MediatorEntity, dueOn: string) {
  return {
    subject: `${mediator.fullName}: supervision due on ${dueOn}`,
    body: `${mediator.fullName}'s next case supervision is due on ${dueOn}. Once it is more than ${DEFAULT_PRACTICE_THRESHOLDS.supervisionGraceDays} days overdue, they cannot be proposed for new cases. Record the session in the console (a date and the supervisor only).`,
  };
}
