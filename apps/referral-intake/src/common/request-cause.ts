import { uuidv7 } from '@rj/shared/contracts';
import { currentCorrelationId } from '@rj/shared/service';

/** The causal chain of events a user's request emits: its correlation id, caused by no event. */
export function requestCause(): { correlationId: string; causationId: null } {
  return { correlationId: currentCorrelationId() ?? uuidv7(), causationId: null };
}
