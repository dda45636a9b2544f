import { checkEnvelopeShape } from './envelope-schema';
import { validateEventData, type DataOf, type EventDefinition } from './define-event';
import type { EventEnvelope } from './envelope';
import type { Actor } from './roles';
import { uuidv7 } from './uuid';

export interface BuildEventInput<TData> {
  aggregateId: string;
  /** The referral the event belongs to; null exactly for events of no referral (`office.*`, ...). */
  referralId: string | null;
  actor: Actor;
  correlationId: string;
  /** The event (or request) that directly caused this one; null for a user's own request. */
  causationId: string | null;
  data: TData;
  /** Defaults to now. */
  occurredAt?: string;
  /** Defaults to a fresh UUID v7; pass one only to rebuild an event deterministically. */
  id?: string;
}

/**
 * Builds an event in its envelope from its definition, validating it as every consumer will:
 * envelope fields, referral scoping and the data's schema. A failure is a programmer error (a
 * producer about to publish what consumers would dead-letter), so it throws with every problem.
 */
export function buildEvent<D extends EventDefinition>(
  definition: D,
  input: BuildEventInput<DataOf<D>>,
): EventEnvelope<D['type'], DataOf<D>> {
  const envelope: EventEnvelope<D['type'], DataOf<D>> = {
    id: input.id ?? uuidv7(),
    type: definition.type,
    version: definition.version,
    occurredAt: input.occurredAt ?? new Date().toISOString(),
    aggregateType: definition.aggregateType,
    aggregateId: input.aggregateId,
    referralId: input.referralId,
    actor: input.actor,
    correlationId: input.correlationId,
    causationId: input.causationId,
    data: input.data,
  };
  const problems = [...checkEnvelopeShape(envelope)];
  if (definition.referralScoped && !input.referralId) problems.push(`referralId is required for ${definition.type}`);
  if (!definition.referralScoped && input.referralId) problems.push(`referralId must be null for ${definition.type}`);
  problems.push(...validateEventData(definition, input.data).map((problem) => `data.${problem}`));
  if (problems.length)
    throw new Error(`invalid ${definition.type} v${definition.version} event:\n- ${problems.join('\n- ')}`);
  validatedAs.set(envelope, JSON.stringify(envelope));
  return envelope;
}

/** Each envelope buildEvent validated, with its JSON as it was then. */
const validatedAs = new WeakMap<object, string>();

/**
 * The event's JSON if buildEvent validated it and nothing changed it since, else undefined.
 * Lets the outbox writer validate an event once (issue 15: the check is a third of a
 * submission's CPU): the JSON it stores must be the one that was checked, byte for byte.
 */
export function jsonIfValidated(envelope: EventEnvelope): string | undefined {
  const json = validatedAs.get(envelope);
  if (json === undefined) return undefined;
  return JSON.stringify(envelope) === json ? json : undefined;
}

/** Narrows a checked envelope to one event type (and version) of the catalogue. */
export function isEvent<D extends EventDefinition>(
  envelope: Pick<EventEnvelope, 'type' | 'version'>,
  definition: D,
): envelope is EventEnvelope<D['type'], DataOf<D>> {
  return envelope.type === definition.type && envelope.version === definition.version;
}
