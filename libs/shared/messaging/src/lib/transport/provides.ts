import type { EventDefinition } from '@rj/shared/contracts';
import type { EventOf } from './event-context';

/** The `extras` of an `@EventPattern` whose event other events may be waiting for (parked). */
export interface EventPatternExtras {
  provides?: (event: EventOf<EventDefinition>) => string[];
}

/**
 * Declares, next to the handler, the prerequisite keys an event satisfies once applied:
 * `@EventPattern(ReferralSubmitted.type, provides(ReferralSubmitted, (e) => [prerequisiteKey('referral', e.data.referralId)]))`.
 * Parked events waiting for one of those keys run right after it (README, parking).
 */
export function provides<D extends EventDefinition>(
  _event: D,
  keys: (event: EventOf<D>) => string[],
): EventPatternExtras {
  return { provides: keys as EventPatternExtras['provides'] };
}
