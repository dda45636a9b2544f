// class-transformer's @Type reads design-time types through the Reflect metadata API.
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { eventDataIsCertainlyValid } from './event-data-precheck';
import type { TopicName } from './topics';

type Constructor<T> = new () => T;

/**
 * One event type at one version: its name, topic, aggregate and the runtime schema of its
 * `data` (a class-validator class). Producers validate before writing the outbox and
 * consumers validate on receipt, with the same definition. A new version is a new
 * definition next to this one, with an upcaster; never an edit of this one.
 */
export interface EventDefinition<TType extends string = string, TData extends object = object> {
  readonly type: TType;
  readonly version: number;
  readonly topic: TopicName;
  readonly aggregateType: string;
  readonly schema: Constructor<TData>;
  /** True for events that belong to a referral (the envelope's referralId must then be set). */
  readonly referralScoped: boolean;
}

export function defineEvent<TType extends string, TData extends object>(
  definition: EventDefinition<TType, TData>,
): EventDefinition<TType, TData> {
  return Object.freeze(definition);
}

export type DataOf<D> = D extends EventDefinition<string, infer T> ? T : never;

/** Validates an event's data against its schema; unknown fields are errors. Returns messages. */
export function validateEventData(definition: EventDefinition, data: unknown): string[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['data must be an object'];
  // The compiled check vouches for valid data at a fraction of the cost; anything else is
  // class-validator's to decide and to word.
  if (eventDataIsCertainlyValid(definition.schema, data)) return [];
  return eventDataErrors(definition, data);
}

/** class-validator's verdict on an event's data, in its words: the reference for the precheck. */
export function eventDataErrors(definition: EventDefinition, data: object): string[] {
  const instance = plainToInstance(definition.schema, data);
  const errors = validateSync(instance as object, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  return flattenValidationErrors(errors);
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${field}: ${message}`);
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
