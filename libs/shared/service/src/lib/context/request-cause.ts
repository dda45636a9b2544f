import { uuidv7, type Actor } from '@rj/shared/contracts';
import { currentCorrelationId } from './request-context';

/** Who caused a change and in answer to what: the envelope's actor and causal chain. */
export interface Cause {
  readonly actor: Actor;
  readonly causedBy: { correlationId: string; causationId: string | null };
}

/**
 * The cause of a change made over HTTP: the caller (`actorOf(principal)`), the request's
 * correlation id, and no causing event. Spread it into `publishEvent`'s input.
 */
export function requestCause(actor: Actor): Cause {
  return { actor, causedBy: { correlationId: currentCorrelationId() ?? uuidv7(), causationId: null } };
}
