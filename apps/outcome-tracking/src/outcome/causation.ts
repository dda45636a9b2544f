import { uuidv7, type Actor } from '@rj/shared/contracts';
import { currentCorrelationId } from '@rj/shared/service';

/** Who did it and in which chain: passed down to every event one change emits. */
export interface Cause {
  actor: Actor;
  causedBy: { correlationId: string; causationId: string | null };
}

/** The cause of a change made over HTTP: the request's correlation id, no causing event. */
export function requestCause(actor: Actor): Cause {
  return { actor, causedBy: { correlationId: currentCorrelationId() ?? uuidv7(), causationId: null } };
}
