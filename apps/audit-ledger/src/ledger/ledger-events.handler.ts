import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { LedgerAppends } from '@rj/audit/data-access';
import { EVENT_CATALOGUE, type EventEnvelope } from '@rj/shared/contracts';
import { EventContext, EventPattern } from '@rj/shared/messaging';

/** Every event type of the catalogue, once (the consumer routes all versions of a type to it). */
const EVERY_EVENT_TYPE = [...new Set([...EVENT_CATALOGUE.values()].map((definition) => definition.type))];

/**
 * Takes every event of every topic (rj.access.v1 included) into the ledger: one handler whose
 * pattern lists every type. The inbox (own group) makes a redelivery a no-op; the unique
 * event_id catches anything that slips past it. The run's events are appended together before
 * it commits (LedgerAppends): three statements a run, not three an event.
 */
@Controller()
export class LedgerEventsHandler {
  @EventPattern(EVERY_EVENT_TYPE)
  append(@Payload() envelope: EventEnvelope, @Ctx() context: EventContext): void {
    const { source } = context;
    // The contract topic (any environment prefix stripped), and where Kafka held the message.
    context.batch(LedgerAppends).add({
      envelope,
      topic: source.topic,
      partition: source.partition,
      offset: source.offset,
    });
  }
}
