import type { EntityManager } from 'typeorm';
import { SessionCancelled, type SessionCancelReasonCode } from '@rj/shared/contracts';
import { releaseBookings, SessionEntity, type MediationCaseEntity } from '@rj/scheduling/data-access';
import type { SessionState } from '@rj/scheduling/domain';
import { recordCaseEvent } from '../cases/case-store';
import type { RemindableSession } from '../reminders/reminder-planner';
import { type Cause } from '@rj/shared/service';

/**
 * Cancels sessions in the caller's transaction: the row, the people's booked time, and a
 * session.cancelled each. Returns what their reminders were planned for, so the caller removes
 * those jobs once committed (and the job itself finds the session cancelled if one slips by).
 */
export async function cancelSessions(
  manager: EntityManager,
  row: MediationCaseEntity,
  sessions: readonly SessionState[],
  reasonCode: SessionCancelReasonCode,
  cause: Cause,
  now: Date,
): Promise<RemindableSession[]> {
  const cancelled: RemindableSession[] = [];
  for (const session of sessions) {
    await manager.update(
      SessionEntity,
      { id: session.sessionId },
      { status: 'cancelled', cancelReasonCode: reasonCode, changedBy: cause.actor.sub, changedAt: now },
    );
    await releaseBookings(manager, session.sessionId);
    await recordCaseEvent(
      manager,
      row,
      SessionCancelled,
      { sessionId: session.sessionId, caseId: row.id, reasonCode },
      cause,
      session.sessionId,
    );
    cancelled.push({
      id: session.sessionId,
      startsAt: new Date(session.startsAt),
      participantIds: session.participantIds,
    });
  }
  return cancelled;
}
