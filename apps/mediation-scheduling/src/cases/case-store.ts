import type { EntityManager } from 'typeorm';
import { publishEvent } from '@rj/shared/messaging';
import { NotFound, type DataOf, type EventDefinition, type EventEnvelope } from '@rj/shared/contracts';
import { MediationCaseEntity } from '@rj/scheduling/data-access';
import { caseReducer } from '@rj/scheduling/domain';
import { type Cause } from '@rj/shared/service';
import { lockById } from '@rj/shared/persistence';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is no UUID names nothing: 404, and Postgres never sees it. */
export function assertUuid(id: string, what = 'case'): void {
  if (!UUID.test(id)) throw new NotFound(`${what} not found`);
}

/**
 * Loads a case holding its row lock: one case's events are written under it, so the outbox
 * order is the commit order, and two requests never judge the same state at once.
 */
export async function lockCase(manager: EntityManager, caseId: string): Promise<MediationCaseEntity> {
  assertUuid(caseId);
  const found = await lockById(manager, MediationCaseEntity, caseId);
  if (!found) throw new NotFound('case not found');
  return found;
}

export async function findCase(manager: EntityManager, caseId: string): Promise<MediationCaseEntity> {
  assertUuid(caseId);
  const found = await manager.findOne(MediationCaseEntity, { where: { id: caseId } });
  if (!found) throw new NotFound('case not found');
  return found;
}

/**
 * Emits one of the case's events and folds it into the case's state with caseReducer, the
 * same fold the audit ledger replays: the state the rules judge is what the events say.
 */
export async function recordCaseEvent<D extends EventDefinition>(
  manager: EntityManager,
  row: MediationCaseEntity,
  definition: D,
  data: DataOf<D>,
  cause: Cause,
  aggregateId: string = row.id,
): Promise<EventEnvelope> {
  const event = await publishEvent(manager, definition, {
    aggregateId,
    referralId: row.referralId,
    actor: cause.actor,
    causedBy: cause.causedBy,
    data,
  });
  row.state = caseReducer(row.state, event as EventEnvelope<string, object>);
  row.status = row.state.status;
  row.holdReason = row.state.holdReason;
  return event;
}

export async function saveCase(manager: EntityManager, row: MediationCaseEntity, now: Date): Promise<void> {
  row.updatedAt = now;
  await manager.update(
    MediationCaseEntity,
    { id: row.id },
    { state: row.state, status: row.status, holdReason: row.holdReason, updatedAt: now },
  );
}
