import type { EventDefinition } from '../define-event';
import { CORRELATION_ID_MAX_LENGTH, ENVELOPE_FIELDS, EventHeaders } from '../envelope';
import { EVENT_DEFINITIONS } from '../events';
import { ROLES } from '../roles';
import { ALL_TOPICS, DLQ_SUFFIX, type TopicName } from '../topics';
import { jsonSchemasOf, type JsonSchema } from './json-schema';

/**
 * The event catalogue as an AsyncAPI 3 document: one channel per Kafka topic, one message per
 * event type and version (`referral.submitted.v1`), its payload the envelope with the event's
 * own `data` schema, derived from the same class-validator classes producers and consumers
 * validate with. Written to docs/reference/asyncapi.json by `npm run contracts:generate`.
 */
export const ASYNCAPI_VERSION = '3.1.0';

/** `referral.submitted@1` → `referral.submitted.v1`: AsyncAPI component keys allow no `@`. */
export const messageIdOf = (definition: Pick<EventDefinition, 'type' | 'version'>): string =>
  `${definition.type}.v${definition.version}`;

/** `rj.referral.v1` → `referral`: the channel's key; its address is the topic. */
export const channelIdOf = (topic: TopicName): string => topic.replace(/^rj\./, '').replace(/\.v\d+$/, '');

const REF = '#/components/schemas/';

/** The envelope's fields as checkEnvelopeShape checks them (envelope-schema.ts). */
function envelopeSchema(definition: EventDefinition, dataSchema: string): JsonSchema {
  const bounded = (max: number) => ({ type: 'string', minLength: 1, maxLength: max });
  return {
    type: 'object',
    title: `${messageIdOf(definition)} envelope`,
    properties: {
      id: { type: 'string', format: 'uuid', description: 'Unique per event; consumers deduplicate on it.' },
      type: { type: 'string', const: definition.type },
      version: { type: 'integer', const: definition.version },
      occurredAt: { type: 'string', format: 'date-time' },
      aggregateType: { type: 'string', const: definition.aggregateType },
      aggregateId: bounded(100),
      referralId: definition.referralScoped
        ? {
            type: 'string',
            format: 'uuid',
            description: 'The referral the event belongs to; also the Kafka message key.',
          }
        : {
            type: 'null',
            description: 'This event belongs to no referral; the aggregate id is the Kafka message key.',
          },
      actor: { $ref: `${REF}Actor` },
      correlationId: {
        ...bounded(CORRELATION_ID_MAX_LENGTH),
        description: 'Ties together every consequence of one request.',
      },
      causationId: {
        oneOf: [bounded(CORRELATION_ID_MAX_LENGTH), { type: 'null' }],
        description: 'The event or request that directly caused this one.',
      },
      data: { $ref: `${REF}${dataSchema}` },
    },
    required: [...ENVELOPE_FIELDS],
    additionalProperties: false,
  };
}

const ACTOR_SCHEMA: JsonSchema = {
  type: 'object',
  title: 'Actor',
  description:
    'Who caused the event: a person, or `system:<service>` (role service, no organisation) for what a service does on its own.',
  properties: {
    sub: { type: 'string', minLength: 1, maxLength: 200 },
    role: { type: 'string', enum: [...ROLES] },
    org: { type: ['string', 'null'], minLength: 1, maxLength: 200 },
  },
  required: ['sub', 'role'],
  additionalProperties: false,
};

const HEADERS_SCHEMA: JsonSchema = {
  type: 'object',
  description:
    'Kafka headers: copies of envelope fields, so tools can route without parsing the value. The envelope is the truth.',
  properties: {
    [EventHeaders.eventId]: { type: 'string', format: 'uuid' },
    [EventHeaders.eventType]: { type: 'string' },
    [EventHeaders.eventVersion]: { type: 'string', pattern: '^[1-9][0-9]*$' },
    [EventHeaders.correlationId]: { type: 'string' },
    [EventHeaders.causationId]: { type: 'string' },
  },
};

export function buildAsyncApiDocument(
  definitions: readonly EventDefinition[] = EVENT_DEFINITIONS,
): Record<string, unknown> {
  const schemas = new Map<string, JsonSchema>([
    ['Actor', ACTOR_SCHEMA],
    ['KafkaHeaders', HEADERS_SCHEMA],
  ]);
  const messages: Record<string, unknown> = {};
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const sorted = [...definitions].sort((a, b) => messageIdOf(a).localeCompare(messageIdOf(b)));

  for (const definition of sorted) {
    jsonSchemasOf(definition.schema, schemas, REF);
    const id = messageIdOf(definition);
    const envelope = `${definition.schema.name}Envelope`;
    schemas.set(envelope, envelopeSchema(definition, definition.schema.name));
    messages[id] = {
      name: definition.type,
      title: `${definition.type} v${definition.version}`,
      summary: `${definition.type}, version ${definition.version}, on ${definition.topic} (aggregate ${definition.aggregateType}${definition.referralScoped ? ', keyed by its referral' : ''}).`,
      contentType: 'application/json',
      headers: { $ref: `${REF}KafkaHeaders` },
      payload: { $ref: `${REF}${envelope}` },
      'x-event-type': definition.type,
      'x-event-version': definition.version,
      'x-aggregate-type': definition.aggregateType,
      'x-referral-scoped': definition.referralScoped,
    };
  }

  for (const topic of ALL_TOPICS) {
    const channel = channelIdOf(topic);
    const ofTopic = sorted.filter((definition) => definition.topic === topic);
    channels[channel] = {
      address: topic,
      title: topic,
      description: `Kafka topic ${topic}. Failed deliveries go to ${topic}${DLQ_SUFFIX} with the reason in dlq-* headers.`,
      messages: Object.fromEntries(
        ofTopic.map((definition) => [
          messageIdOf(definition),
          { $ref: `#/components/messages/${messageIdOf(definition)}` },
        ]),
      ),
    };
    const messageRefs = ofTopic.map((definition) => ({
      $ref: `#/channels/${channel}/messages/${messageIdOf(definition)}`,
    }));
    operations[`publish.${channel}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${channel}` },
      summary: `The platform publishes these events to ${topic}, through each service's outbox.`,
      messages: messageRefs,
    };
    operations[`consume.${channel}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channel}` },
      summary: `The services that follow ${topic} consume these events, at least once, deduplicating on the envelope id.`,
      messages: messageRefs,
    };
  }

  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'Restorative Justice Platform events',
      version: '1',
      description:
        "Every event type of the catalogue, by topic. Each message is a JSON envelope (who, when, in answer to what) around the event's `data`. " +
        'Personal data travels only as ciphertext (`pii:1:…`). A new version of an event is a new message next to the old one, never an edit.',
      license: { name: 'Apache-2.0', url: 'https://www.apache.org/licenses/LICENSE-2.0' },
    },
    defaultContentType: 'application/json',
    servers: {
      development: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker of `npm start`.' },
    },
    channels,
    operations,
    components: {
      schemas: Object.fromEntries([...schemas.entries()].sort(([a], [b]) => a.localeCompare(b))),
      messages,
    },
  };
}
