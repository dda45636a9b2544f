import { actorOf, type Principal } from '@rj/shared/auth';
import { uuidv7, type Actor } from '@rj/shared/contracts';
import { currentCorrelationId } from '@rj/shared/service';

/** Who caused a change and in answer to what: the envelope's actor and causal chain. */
export interface Origin {
  readonly actor: Actor;
  readonly causedBy: { correlationId: string; causationId: string | null };
}

export function originOf(principal: Principal): Origin {
  return { actor: actorOf(principal), causedBy: { correlationId: currentCorrelationId() ?? uuidv7(), causationId: null } };
}
