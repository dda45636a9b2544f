import type { Actor } from './roles';

/**
 * The envelope every event travels in, on every topic (api.md, Events). It carries what an
 * auditor needs to reconstruct who did what, when, and in answer to what: correlation ties
 * one user request's consequences together across services; causation names the event
 * (or request) that directly caused this one.
 */
export interface EventEnvelope<TType extends string = string, TData = unknown> {
  id: string;
  type: TType;
  version: number;
  occurredAt: string;
  aggregateType: string;
  aggregateId: string;
  referralId: string | null;
  actor: Actor;
  correlationId: string;
  causationId: string | null;
  data: TData;
}

/** Every field of an envelope, each required (null where it may be empty), none other allowed. */
export const ENVELOPE_FIELDS = [
  'id',
  'type',
  'version',
  'occurredAt',
  'aggregateType',
  'aggregateId',
  'referralId',
  'actor',
  'correlationId',
  'causationId',
  'data',
] as const satisfies readonly (keyof EventEnvelope)[];

/**
 * The longest correlation (and causation) id an envelope carries. The HTTP edge holds a
 * caller's id to the same limit (and pattern) and mints a fresh one for anything else, so a
 * request can never be accepted and then fail when its event is built.
 */
export const CORRELATION_ID_MAX_LENGTH = 100;

/** Kafka header names. The envelope is the truth; headers let tools route without parsing it. */
export const EventHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  eventVersion: 'event-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
} as const;

/** Headers added to a message when it is dead-lettered. */
export const DlqHeaders = {
  error: 'dlq-error',
  reason: 'dlq-reason',
  attempts: 'dlq-attempts',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  consumerGroup: 'dlq-consumer-group',
  failedAt: 'dlq-failed-at',
} as const;

/** The message key: per-referral order, or per-aggregate for events of no referral. */
export function messageKeyOf(event: Pick<EventEnvelope, 'referralId' | 'aggregateId'>): string {
  return event.referralId ?? event.aggregateId;
}
