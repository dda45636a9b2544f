import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { actorOf, type Principal } from '@rj/shared/auth';
import { CaseConcluded, type ConclusionReasonCode } from '@rj/shared/contracts';
import type { MediationCaseEntity } from '@rj/scheduling/data-access';
import { assertConclusionAllowed, sessionsToCancel, ALL_SESSION_KINDS, type Concluder } from '@rj/scheduling/domain';
import { recordCaseEvent } from '../cases/case-store';
import type { RemindableSession } from '../reminders/reminder-planner';
import { cancelSessions } from '../sessions/session-cancellation';
import { CaseChange } from './case-change';
import type { ConcludeDto } from './preparation.dto';
import { requestCause, type Cause } from '@rj/shared/service';

/**
 * Concluding a case cancels whatever is still scheduled, then case.concluded with a neutral
 * reason (product.md, Failure is not punished). Shared by the mediator's POST /conclude and
 * the platform's reaction to referral.withdrawn.
 */
export async function concludeCase(
  manager: EntityManager,
  row: MediationCaseEntity,
  request: { agreementReached: boolean; reasonCode?: string },
  by: Concluder,
  cause: Cause,
  now: Date,
): Promise<RemindableSession[]> {
  const reasonCode: ConclusionReasonCode | undefined = assertConclusionAllowed(row.state, request, by);
  const cancelReason = by === 'platform' ? 'referral_withdrawn' : 'case_concluded';
  const cancelled = await cancelSessions(
    manager,
    row,
    sessionsToCancel(row.state, now, ALL_SESSION_KINDS, 'all_scheduled'),
    cancelReason,
    cause,
    now,
  );
  const data =
    reasonCode === undefined
      ? { caseId: row.id, agreementReached: request.agreementReached }
      : { caseId: row.id, agreementReached: false, reasonCode };
  await recordCaseEvent(manager, row, CaseConcluded, data, cause);
  return cancelled;
}

@Injectable()
export class ConclusionService {
  constructor(private readonly change: CaseChange) {}

  conclude(principal: Principal, caseId: string, body: ConcludeDto) {
    return this.change.byMediator(principal, caseId, async (manager, row, now) => {
      const cancelled = await concludeCase(manager, row, body, 'mediator', requestCause(actorOf(principal)), now);
      return {
        result: {
          caseId: row.id,
          status: row.status,
          agreementReached: body.agreementReached,
          reasonCode: row.state.conclusion?.reasonCode ?? null,
        },
        cancelled,
      };
    });
  }
}
