import type { EventDefinition } from './define-event';
import type { TopicName } from './topics';
import { EVENT_DEFINITIONS } from './events';

/**
 * Every event type of api.md's catalogue, by `type@version`. The catalogue is closed: a
 * consumer receiving a type that is not here dead-letters it as a schema failure.
 */
const byKey = new Map<string, EventDefinition>();
for (const definition of EVENT_DEFINITIONS) {
  const key = `${definition.type}@${definition.version}`;
  if (byKey.has(key)) throw new Error(`event ${key} is defined twice`);
  byKey.set(key, definition);
}

export const EVENT_CATALOGUE: ReadonlyMap<string, EventDefinition> = byKey;

export function findEventDefinition(type: string, version: number): EventDefinition | undefined {
  return byKey.get(`${type}@${version}`);
}

export function eventsOfTopic(topic: TopicName): EventDefinition[] {
  return EVENT_DEFINITIONS.filter((definition) => definition.topic === topic);
}
