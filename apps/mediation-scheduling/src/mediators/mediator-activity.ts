import { Conflict } from '@rj/shared/contracts';
import type { MediatorEntity } from '@rj/scheduling/data-access';

/** Whether a mediator may take on something new: anyone not deactivated. */
export function isActiveMediator(mediator: Pick<MediatorEntity, 'deactivatedAt'>): boolean {
  return mediator.deactivatedAt == null;
}

/**
 * A deactivated mediator is proposed for no new case. What they already have stays theirs
 * (their cases, sessions and history), so only proposing is refused — with a sentence a
 * partner administrator can act on.
 */
export function assertMediatorActive(mediator: Pick<MediatorEntity, 'deactivatedAt'>): void {
  if (!isActiveMediator(mediator)) {
    throw new Conflict(
      'This mediator is deactivated, so they cannot be proposed for a case. Activate them again first, or propose another mediator.',
      { rule: 'mediator_deactivated' },
    );
  }
}
