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

/** An outbox insert with its parameters, numbered from the caller's first free one. */
export interface OutboxInsert {
  sql: string;
  values: unknown[];
}

/**
 * The insert of these events' outbox rows — validated, on their contract's topic, with the
 * trace of the request or message that caused them — as SQL whose parameters start at
 * `$firstParameter`, for a write that folds it into a statement of its own (one round trip per
 * write, issue 15). The caller sends the NOTIFY on OUTBOX_CHANNEL in the same transaction.
 */
export function outboxInsert(events: EventEnvelope[], firstParameter = 1): OutboxInsert {
  const values: unknown[] = [];
  // The trace of the request or message that caused these events, stored beside them so the
  // relay publishes them as part of it (W3C traceparent; nothing when tracing is off).
  const trace = traceCarrier();
  const rows = events.map((event, index) => {
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
    const p = firstParameter + index * 6;
    return `($${p}, $${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}::jsonb, $${p + 5}::jsonb)`;
  });
  return {
    sql: `insert into outbox (event_id, topic, message_key, event_type, payload, headers) values ${rows.join(', ')}`,
    values,
  };
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
  const insert = outboxInsert(list);
  // One round trip (issue 15): the insert runs as a data-modifying CTE, which Postgres always
  // executes, beside the NOTIFY — delivered at commit, never for a rolled-back transaction,
  // it wakes the relay at once.
  await manager.query(`with written as (${insert.sql}) select pg_notify($${insert.values.length + 1}, '')`, [
    ...insert.values,
    OUTBOX_CHANNEL,
  ]);
}
