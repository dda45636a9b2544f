import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@rj/shared/auth';
import { afterCommit, withTransaction } from '@rj/shared/persistence';
import type { MediationCaseEntity } from '@rj/scheduling/data-access';
import { assertMediatorActs } from '../cases/case-access';
import { lockCase, saveCase } from '../cases/case-store';
import type { RemindableSession } from '../reminders/reminder-planner';
import { SchedulingJobs } from '../reminders/scheduling-jobs';
import { Clock } from '@rj/shared/service';

export interface ChangeResult<T> {
  readonly result: T;
  /** Sessions the change cancelled: their reminder jobs go once the change committed. */
  readonly cancelled?: readonly RemindableSession[];
}

/**
 * The shape of every mediator action on a case: lock it, check the mediator acts on it
 * (declared, of the partner), change and emit in one transaction, and once it committed remove
 * the reminder jobs of what was cancelled (afterCommit), then answer.
 */
@Injectable()
export class CaseChange {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: SchedulingJobs,
    private readonly clock: Clock,
  ) {}

  async byMediator<T>(
    principal: Principal,
    caseId: string,
    work: (manager: EntityManager, row: MediationCaseEntity, now: Date) => Promise<ChangeResult<T>>,
  ): Promise<T> {
    const now = this.clock.now();
    return withTransaction(this.dataSource, async (manager) => {
      const row = await lockCase(manager, caseId);
      assertMediatorActs(row, principal);
      const { result, cancelled = [] } = await work(manager, row, now);
      await saveCase(manager, row, now);
      if (cancelled.length) afterCommit(manager, () => this.jobs.planner.unplanAll(cancelled));
      return result;
    });
  }
}
