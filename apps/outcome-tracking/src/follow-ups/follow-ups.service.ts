import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dueFollowUpsOfOffice, FollowUpEntity, lockFollowUp } from '@rj/outcome/data-access';
import { actorOf, assertOwnedBy, type Principal } from '@rj/shared/auth';
import { FollowUpRecorded, NotFound, RuleViolation } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { withTransaction } from '@rj/shared/persistence';
import { pageOf, pageSizeOf, requestCause, type Page, type PageQuery } from '@rj/shared/service';
import { followUpView } from './follow-up.view';

type FollowUpView = ReturnType<typeof followUpView>;

/** The prosecutor's side of the follow-ups (product.md step 9): due ones, and the answer. */
@Injectable()
export class FollowUpsService {
  constructor(private readonly dataSource: DataSource) {}

  async due(principal: Principal, query: PageQuery): Promise<Page<FollowUpView>> {
    if (!principal.org) return { items: [], nextCursor: null };
    const limit = pageSizeOf(query);
    const rows = await dueFollowUpsOfOffice(this.dataSource.manager, principal.org, query.cursor, limit);
    return pageOf(rows, limit, followUpView);
  }

  /** Once, when due, by the office it belongs to; another office's follow-up is a 404. */
  record(principal: Principal, id: string, reoffended: boolean): Promise<FollowUpView> {
    return withTransaction(this.dataSource, async (manager) => {
      const followUp = await lockFollowUp(manager, id);
      if (!followUp || followUp.status === 'dropped') throw new NotFound('follow-up not found');
      assertOwnedBy(principal, followUp.officeId, 'follow-up not found');
      if (followUp.status === 'scheduled')
        throw new RuleViolation('follow_up_not_due', `this follow-up falls due on ${followUp.dueOn}`);
      if (followUp.status === 'recorded')
        throw new RuleViolation('follow_up_already_recorded', 'this follow-up was already answered');
      await manager.update(FollowUpEntity, { id }, { status: 'recorded', reoffended, recordedAt: new Date() });
      await publishEvent(manager, FollowUpRecorded, {
        aggregateId: id,
        referralId: followUp.referralId,
        ...requestCause(actorOf(principal)),
        data: { followUpId: id, caseId: followUp.caseId, monthsAfter: followUp.monthsAfter, reoffended },
      });
      return followUpView({ ...followUp, status: 'recorded', reoffended });
    });
  }
}
