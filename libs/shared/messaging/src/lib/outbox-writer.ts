import type { EntityManager } from 'typeorm';
import { checkEnvelope, EventHeaders, messageKeyOf, type EventEnvelope } from '@rj/shared/contracts';

export const OUTBOX_CHANNEL = 'rj_outbox';

export class InvalidOutgoingEvent extends Error {
  constructor(readonly eventType: string, readonly problems: string[]) {
    super(`refusing to publish an invalid ${eventType}: ${problems.join('; ')}`);
    this.name = 'InvalidOutgoingEvent';
  }
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
  const rows = list.map((event, index) => {
    const check = checkEnvelope(event);
    if (!check.ok) throw new InvalidOutgoingEvent(event.type, check.errors);
    const topic = check.definition.topic;
    const headers = {
      [EventHeaders.eventId]: event.id,
      [EventHeaders.eventType]: event.type,
      [EventHeaders.eventVersion]: String(event.version),
      [EventHeaders.correlationId]: event.correlationId,
      ...(event.causationId ? { [EventHeaders.causationId]: event.causationId } : {}),
    };
    values.push(event.id, topic, messageKeyOf(event), event.type, JSON.stringify(event), JSON.stringify(headers));
    const p = index * 6;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::jsonb, $${p + 6}::jsonb)`;
  });
  await manager.query(
    `insert into outbox (event_id, topic, message_key, event_type, payload, headers) values ${rows.join(', ')}`,
    values,
  );
  // Delivered at commit, never for a rolled-back transaction: wakes the relay at once.
  await manager.query('select pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
}
