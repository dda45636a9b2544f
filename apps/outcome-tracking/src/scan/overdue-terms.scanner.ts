import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { overdueTerms } from '@rj/outcome/domain';
import {
  AgreementEntity,
  CaseEntity,
  CaseMediatorEntity,
  MediatorEntity,
  overdueTermCandidates,
  TermEntity,
  termFromRow,
} from '@rj/outcome/data-access';
import { systemActor, TermOverdue, uuidv7 } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { NotificationService } from '@rj/shared/notifications';
import { afterCommit, withTransaction } from '@rj/shared/persistence';
import { In } from 'typeorm';

const BATCH = 200;

/**
 * Terms past their due date and not fulfilled raise `term.overdue` once per due date and
 * remind the assigned mediator (product.md step 7: overdue terms raise reminders — to the
 * mediator, never as pressure on the parties).
 */
@Injectable()
export class OverdueTermsScanner {
  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationService,
  ) {}

  async scan(today: string): Promise<{ flagged: number }> {
    let flagged = 0;
    let afterId = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await overdueTermCandidates(this.dataSource, today, afterId, BATCH);
      for (const id of ids) {
        if (await this.flag(id, today)) flagged += 1;
      }
      if (ids.length < BATCH) return { flagged };
      afterId = ids[ids.length - 1];
    }
  }

  private flag(termId: string, today: string): Promise<boolean> {
    return withTransaction(this.dataSource, async (manager) => {
      const row = await manager.findOneByOrFail(TermEntity, { id: termId });
      const agreement = await manager.findOneByOrFail(AgreementEntity, { id: row.agreementId });
      // Same lock order as the API (case first): one referral's events commit in order.
      const kase = await manager.findOneOrFail(CaseEntity, {
        where: { id: agreement.caseId },
        lock: { mode: 'pessimistic_write' },
      });
      const fresh = await manager.findOneByOrFail(TermEntity, { id: termId });
      if (kase.status !== 'agreement' || overdueTerms([termFromRow(fresh)], today).length === 0) return false;
      await manager.update(TermEntity, { id: termId }, { overdueFlagged: true });
      await publishEvent(manager, TermOverdue, {
        aggregateId: agreement.id,
        referralId: kase.referralId,
        actor: systemActor('outcome-tracking'),
        causedBy: { correlationId: uuidv7(), causationId: null },
        data: { agreementId: agreement.id, termId, dueBy: fresh.dueBy },
      });
      const assigned = await manager.findBy(CaseMediatorEntity, { caseId: kase.id, assigned: true });
      const mediators = assigned.length
        ? await manager.findBy(MediatorEntity, { id: In(assigned.map((a) => a.mediatorId)) })
        : [];
      for (const mediator of mediators) {
        const notificationId = await this.notifications.queueEmail(manager, {
          kind: 'outcome.term_overdue',
          to: mediator.email,
          subject: 'A term of an agreement is overdue',
          body: `A ${fresh.kind.replace('_', ' ')} term of the agreement in case ${kase.id} was due on ${fresh.dueBy} and is not recorded as fulfilled. Please record progress, amend the term with the parties' consent, or close the case.`,
        });
        afterCommit(manager, () => this.notifications.enqueue(notificationId));
      }
      return true;
    });
  }
}
