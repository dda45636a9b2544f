import type { EntityManager } from 'typeorm';
import { FollowUpEntity } from '../entities/follow-up.entity';
import { lockById } from '@rj/shared/persistence';

/**
 * Scheduled follow-ups whose date came, locked for the caller's transaction; `skip locked`, so
 * two pods scanning at once never announce one follow-up twice.
 */
export function claimDueFollowUps(manager: EntityManager, today: string, limit: number): Promise<FollowUpEntity[]> {
  return manager
    .createQueryBuilder(FollowUpEntity, 'f')
    .where(`f.status = 'scheduled' and f.due_on <= :today`, { today })
    .orderBy('f.id')
    .limit(limit)
    .setLock('pessimistic_write')
    .setOnLocked('skip_locked')
    .getMany();
}

/** The follow-ups due for an office, a keyset page (`limit + 1` rows: the extra says more follow). */
export function dueFollowUpsOfOffice(
  manager: EntityManager,
  officeId: string,
  cursor: string | undefined,
  limit: number,
): Promise<FollowUpEntity[]> {
  const query = manager
    .createQueryBuilder(FollowUpEntity, 'f')
    .where(`f.office_id = :officeId and f.status = 'due'`, { officeId })
    .orderBy('f.id', 'ASC')
    .take(limit + 1);
  return cursor ? query.andWhere('f.id > :cursor', { cursor }).getMany() : query.getMany();
}

/** The follow-up, locked for the answer's transaction; null when there is none. */
export function lockFollowUp(manager: EntityManager, id: string): Promise<FollowUpEntity | null> {
  return lockById(manager, FollowUpEntity, id);
}
