import type { EventEnvelope } from '@rj/shared/contracts';
import { readTopics } from '@rj/shared/testing';

/** Waits for the events of one referral (or aggregate) on a topic until `done` holds, and returns them parsed. */
export async function eventsOf(
  prefix: string,
  topic: string,
  id: string,
  done: (events: EventEnvelope[]) => boolean,
  timeoutMs = 20_000,
): Promise<EventEnvelope[]> {
  const parse = (values: { value: string }[]) =>
    values
      .map((message) => JSON.parse(message.value) as EventEnvelope)
      .filter((event) => event.referralId === id || event.aggregateId === id);
  const messages = await readTopics([`${prefix}${topic}`], (read) => done(parse(read)), timeoutMs);
  return parse(messages);
}

export const hasTypes =
  (...types: string[]) =>
  (events: EventEnvelope[]): boolean =>
    types.every((type) => events.some((event) => event.type === type));
