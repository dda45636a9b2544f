import type { EntityManager } from 'typeorm';
import {
  checkEnvelope,
  EventHeaders,
  findEventDefinition,
  jsonIfValidated,
  messageKeyOf,
  type EventDefinition,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { traceCarrier } from '@rj/shared/service';

export const OUTBOX_CHANNEL = 'rj_outbox';

export class InvalidOutgoingEvent extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`refusing to publish an invalid ${eventType}: ${problems.join('; ')}`);
    this.name = 'InvalidOutgoingEvent';
  }
}

/**
 * The event's contract and JSON, validated once: an event buildEvent checked and nobody changed
 * since is not checked again; any other (built by hand, or changed after) is checked here.
 */
function validated(event: EventEnvelope): { definition: EventDefinition; payload: string } {
  const json = jsonIfValidated(event);
  const definition = json === undefined ? undefined : findEventDefinition(event.type, event.version);
  if (json !== undefined && definition) return { definition, payload: json };
  const check = checkEnvelope(event);
  if (!check.ok) throw new InvalidOutgoingEvent(event.type, check.errors);
  return { definition: check.definition, payload: JSON.stringify(event) };
}

/**
 * Writes events to the outbox in the caller's transaction, so they are published if and
 * only if the state change commits. Each event is validated against its contract first: an
 * invalid event is a bug and must fail the request, not reach other services.
 * Contract for callers: write the events of one referral while holding that referral's
 * row lock, so outbox order (seq) equals commit order for the referral.
 */
export async function appendToOutbox(manager: EntityManager, events: EventEnvelope | EventEnvelope[]): Promise<void> {
  const list = Array.isArray(events) ? events : [events];
  if (!list.length) return;
  const values: unknown[] = [];
  // The trace of the request or message that caused these events, stored beside them so the
  // relay publishes them as part of it (W3C traceparent; nothing when tracing is off).
  const trace = traceCarrier();
  const rows = list.map((event, index) => {
    const { definition, payload } = validated(event);
    const topic = definition.topic;
    const headers = {
      [EventHeaders.eventId]: event.id,
      [EventHeaders.eventType]: event.type,
      [EventHeaders.eventVersion]: String(event.version),
      [EventHeaders.correlationId]: event.correlationId,
      ...(event.causationId ? { [EventHeaders.causationId]: event.causationId } : {}),
      ...trace,
    };
    values.push(event.id, topic, messageKeyOf(event), event.type, payload, JSON.stringify(headers));
    const p = index * 6;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::jsonb, $${p + 6}::jsonb)`;
  });
  // One round trip (issue 15): the insert runs as a data-modifying CTE, which Postgres always
  // executes, beside the NOTIFY — delivered at commit, never for a rolled-back transaction,
  // it wakes the relay at once.
  values.push(OUTBOX_CHANNEL);
  await manager.query(
    `with written as (insert into outbox (event_id, topic, message_key, event_type, payload, headers) values ${rows.join(', ')})
     select pg_notify($${values.length}, '')`,
    values,
  );
}
