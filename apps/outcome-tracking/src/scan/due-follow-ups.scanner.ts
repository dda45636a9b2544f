import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { claimDueFollowUps, FollowUpEntity, OfficeEntity } from '@rj/outcome/data-access';
import { FollowUpDue, systemActor, uuidv7 } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { NotificationService } from '@rj/shared/notifications';
import { afterCommit, withTransaction } from '@rj/shared/persistence';

const BATCH = 200;

/** Follow-ups whose date came (product.md step 9): `follow_up.due` and an e-mail to the office. */
@Injectable()
export class DueFollowUpsScanner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async scan(today: string): Promise<{ due: number }> {
    let due = 0;
    for (;;) {
      const count = await withTransaction(this.dataSource, async (manager) => {
        const rows = await claimDueFollowUps(manager, today, BATCH);
        for (const followUp of rows) await this.announce(manager, followUp);
        return rows.length;
      });
      due += count;
      if (count < BATCH) return { due };
    }
  }

  private async announce(manager: import('typeorm').EntityManager, followUp: FollowUpEntity): Promise<void> {
    await manager.update(FollowUpEntity, { id: followUp.id }, { status: 'due' });
    await publishEvent(manager, FollowUpDue, {
      aggregateId: followUp.id,
      referralId: followUp.referralId,
      actor: systemActor('outcome-tracking'),
      causedBy: { correlationId: uuidv7(), causationId: null },
      data: {
        followUpId: followUp.id,
        caseId: followUp.caseId,
        monthsAfter: followUp.monthsAfter,
        dueOn: followUp.dueOn,
      },
    });
    const office = await manager.findOneBy(OfficeEntity, { id: followUp.officeId });
    if (!office) return;
    const notificationId = await this.notifications.queueEmail(manager, {
      kind: 'outcome.follow_up_due',
      to: office.email,
      subject: 'A follow-up is due',
      body: `A ${followUp.monthsAfter}-month follow-up is due for referral ${followUp.referralId}. Please record whether the person re-offended (POST /api/follow-ups/${followUp.id}).`,
    });
    afterCommit(manager, () => this.notifications.enqueue(notificationId));
  }
}
