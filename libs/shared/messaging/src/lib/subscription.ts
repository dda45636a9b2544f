import type { EntityManager } from 'typeorm';
import type { DataOf, EventDefinition, EventEnvelope } from '@rj/shared/contracts';
import type { MessagingLogger } from './messaging-logger';
import type { RunBatch, RunBatchKind } from './run-batch';

/** What a handler gets besides the event: the transaction to write in, and the causal chain. */
export interface HandlerContext {
  /** The transaction that also records the event in the inbox: write through it only. */
  manager: EntityManager;
  /** Pass to the events this handler emits: same correlation, caused by this event. */
  causedBy: { correlationId: string; causationId: string };
  logger: MessagingLogger;
  /** Where the event was read: contract topic, and partition/offset when read from Kafka (not when re-applied from parking). */
  source: { topic: string; partition?: number; offset?: string };
  /** The run's batch of this kind, made on first use and written before the run commits (RunBatch). */
  batch<B extends RunBatch>(kind: RunBatchKind<B>): B;
}

export interface Subscription<D extends EventDefinition = EventDefinition> {
  event: D;
  handle(event: EventEnvelope<D['type'], DataOf<D>>, context: HandlerContext): Promise<void>;
  /** Prerequisite keys this event satisfies once applied; parked events waiting for them run. */
  provides?(event: EventEnvelope<D['type'], DataOf<D>>): string[];
}

/** Declares a subscription with the handler's event type inferred from the definition. */
export function on<D extends EventDefinition>(
  event: D,
  handle: Subscription<D>['handle'],
  provides?: Subscription<D>['provides'],
): Subscription {
  return { event, handle, provides } as unknown as Subscription;
}
