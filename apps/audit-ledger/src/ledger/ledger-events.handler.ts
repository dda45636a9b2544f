import { Injectable } from '@nestjs/common';
import { appendToLedger } from '@rj/audit/data-access';
import { EVENT_CATALOGUE, type EventDefinition } from '@rj/shared/contracts';
import { on, type HandlerContext, type Subscription } from '@rj/shared/messaging';
import type { EventEnvelope } from '@rj/shared/contracts';

/**
 * Takes every event of every topic (rj.access.v1 included) into the ledger. The consumer
 * routes by type, so one subscription per type covers all its versions. The inbox (own group)
 * makes a redelivery a no-op; the unique event_id catches anything that slips past it.
 */
@Injectable()
export class LedgerEventsHandler {
  subscriptions(): Subscription[] {
    const byType = new Map<string, EventDefinition>();
    for (const definition of EVENT_CATALOGUE.values())
      if (!byType.has(definition.type)) byType.set(definition.type, definition);
    return [...byType.values()].map((definition) =>
      on(definition, (event, ctx) => this.append(event, ctx, definition)),
    );
  }

  private async append(envelope: EventEnvelope, ctx: HandlerContext, definition: EventDefinition): Promise<void> {
    // The contract topic (any environment prefix stripped), and where Kafka held the message.
    const source = ctx.source ?? { topic: definition.topic };
    await appendToLedger(ctx.manager, {
      envelope,
      topic: source.topic,
      partition: source.partition,
      offset: source.offset,
    });
  }
}
