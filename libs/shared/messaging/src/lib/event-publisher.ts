import type { EntityManager } from 'typeorm';
import {
  buildEvent,
  uuidv7,
  type Actor,
  type DataOf,
  type EventDefinition,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { appendToOutbox } from './outbox-writer';

export interface PublishInput<D extends EventDefinition> {
  aggregateId: string;
  referralId: string | null;
  actor: Actor;
  data: DataOf<D>;
  /** From a consumed event (HandlerContext.causedBy) or the request's correlation id. */
  causedBy?: { correlationId: string; causationId: string | null };
  occurredAt?: Date;
}

/**
 * Builds an event from its contract (validated) and writes it to the outbox in the caller's
 * transaction. The one way services emit events.
 */
export async function publishEvent<D extends EventDefinition>(
  manager: EntityManager,
  definition: D,
  input: PublishInput<D>,
): Promise<EventEnvelope> {
  const event = buildEvent(definition, {
    aggregateId: input.aggregateId,
    referralId: input.referralId,
    actor: input.actor,
    correlationId: input.causedBy?.correlationId ?? uuidv7(),
    causationId: input.causedBy?.causationId ?? null,
    data: input.data,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
  });
  await appendToOutbox(manager, event);
  return event;
}
