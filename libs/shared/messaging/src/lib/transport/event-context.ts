import { BaseRpcContext } from '@nestjs/microservices';
import type { DataOf, EventDefinition, EventEnvelope } from '@rj/shared/contracts';
import type { MessagingLogger } from '../messaging-logger';
import type { RunBatch, RunBatchKind } from '../run-batch';
import type { HandlerContext } from '../subscription';

/** The envelope an `@EventPattern(Definition.type)` handler receives as its `@Payload()`. */
export type EventOf<D extends EventDefinition> = EventEnvelope<D['type'], DataOf<D>>;

/**
 * What an `@EventPattern` handler gets as `@Ctx()`: the consumer's transaction (`manager`,
 * which also records the event in the inbox), the causal chain for the events it emits, a
 * logger bound to the event, where the event was read, and the run's batches (RunBatch).
 */
export class EventContext extends BaseRpcContext<[EventEnvelope, HandlerContext]> implements HandlerContext {
  readonly manager: HandlerContext['manager'];
  readonly causedBy: HandlerContext['causedBy'];
  readonly logger: MessagingLogger;
  readonly source: HandlerContext['source'];
  private readonly batchOf: Pick<HandlerContext, 'batch'>;

  constructor(
    readonly envelope: EventEnvelope,
    context: HandlerContext,
  ) {
    super([envelope, context]);
    this.manager = context.manager;
    this.causedBy = context.causedBy;
    this.logger = context.logger;
    this.source = context.source;
    this.batchOf = context;
  }

  batch<B extends RunBatch>(kind: RunBatchKind<B>): B {
    return this.batchOf.batch(kind);
  }
}
