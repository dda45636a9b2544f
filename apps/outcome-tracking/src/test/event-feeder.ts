import type { Producer } from 'kafkajs';
import {
  buildEvent,
  messageKeyOf,
  systemActor,
  uuidv7,
  type Actor,
  type DataOf,
  type EventDefinition,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { testKafka, type TestTopics } from '@rj/shared/testing';

/** Writes events "from other services" to the suite's test topics, as their relays would. */
export class EventFeeder {
  private producer?: Producer;

  constructor(private readonly topics: TestTopics) {}

  async send<D extends EventDefinition>(
    definition: D,
    input: { referralId: string | null; aggregateId: string; data: DataOf<D>; occurredAt?: string; actor?: Actor },
  ): Promise<EventEnvelope> {
    this.producer ??= testKafka('outcome-test-feeder').producer({ allowAutoTopicCreation: false });
    await this.producer.connect();
    const event = buildEvent(definition, {
      aggregateId: input.aggregateId,
      referralId: input.referralId,
      actor: input.actor ?? systemActor('test'),
      correlationId: uuidv7(),
      causationId: null,
      occurredAt: input.occurredAt ?? new Date().toISOString(),
      data: input.data,
    });
    await this.producer.send({
      topic: `${this.topics.prefix}${definition.topic}`,
      messages: [{ key: messageKeyOf(event), value: JSON.stringify(event) }],
    });
    return event;
  }

  async close(): Promise<void> {
    await this.producer?.disconnect();
  }
}
