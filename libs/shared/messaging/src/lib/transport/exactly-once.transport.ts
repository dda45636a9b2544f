import type { ExceptionFilter } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import { EVENT_CATALOGUE, type EventDefinition, type EventEnvelope } from '@rj/shared/contracts';
import { EventConsumer, type EventConsumerOptions } from '../event-consumer';
import { watchConsumerLag } from '../metrics/consumer-lag';
import type { HandlerContext, Subscription } from '../subscription';
import { EventContext } from './event-context';
import { HandlerErrorsToConsumer } from './handler-errors.filter';
import type { EventPatternExtras } from './provides';

export type ExactlyOnceTransportOptions = Omit<EventConsumerOptions, 'subscriptions'>;

/** The contract of each event type (its first version: the consumer routes every version by type). */
const DEFINITION_OF_TYPE = new Map<string, EventDefinition>();
for (const definition of EVENT_CATALOGUE.values())
  if (!DEFINITION_OF_TYPE.has(definition.type)) DEFINITION_OF_TYPE.set(definition.type, definition);

/**
 * A Nest custom transport over the exactly-once consumer (EventConsumer): `@EventPattern(Event.type)`
 * methods of `@Controller()` classes become its subscriptions. Each event is still checked
 * against its contract, claimed in the inbox, applied in the consumer's transaction (the
 * handler's `@Ctx()` is an EventContext carrying it), parked or dead-lettered exactly as the
 * README says. The bootstrap connects it as a hybrid microservice (SERVICE_TRANSPORT), starts
 * it once the app is up and closes it after HTTP has drained, before the pools close.
 */
export class ExactlyOnceTransport extends Server implements CustomTransportStrategy {
  /** Errors reach the consumer as thrown: it awaits the handler and decides park, retry or dead letter. */
  override readonly propagatesEventHandlerErrors = true;
  /** Global filters of the connected microservice (the bootstrap applies them). */
  readonly filters: ExceptionFilter[] = [new HandlerErrorsToConsumer()];
  private consumer?: EventConsumer;
  private unwatchLag?: () => Promise<void>;

  constructor(private readonly options: ExactlyOnceTransportOptions) {
    super();
  }

  /** Called by `app.startAllMicroservices()`: subscribes the registered handlers and starts consuming. */
  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      const subscriptions = this.subscriptions();
      if (subscriptions.length) {
        const consumer = new EventConsumer({ ...this.options, subscriptions });
        this.consumer = consumer;
        const prefix = this.options.topicPrefix ?? '';
        const topics = [...new Set(subscriptions.map((s) => `${prefix}${s.event.topic}`))];
        this.unwatchLag = watchConsumerLag({ kafka: this.options.kafka, groupId: this.options.groupId, topics });
        await consumer.start();
      }
      callback();
    } catch (error) {
      callback(error);
    }
  }

  /** Stops consuming; the event in hand finishes (its transaction commits or rolls back). Idempotent. */
  async close(): Promise<void> {
    await this.consumer?.stop();
    const unwatch = this.unwatchLag;
    this.unwatchLag = undefined;
    await unwatch?.();
  }

  /** The handlers Nest registered, as the consumer's subscriptions: pattern = event type. */
  subscriptions(): Subscription[] {
    return [...this.getHandlers()].map(([pattern, handler]) => {
      const event = DEFINITION_OF_TYPE.get(pattern);
      if (!event) throw new Error(`@EventPattern('${pattern}'): no event of that type in @rj/shared/contracts`);
      if (!handler.isEventHandler) throw new Error(`'${pattern}' is a @MessagePattern: events take @EventPattern`);
      if (handler.next) throw new Error(`two @EventPattern handlers for ${pattern} in ${this.options.groupId}`);
      const extras = (handler.extras ?? {}) as EventPatternExtras;
      return {
        event,
        handle: (envelope, context) => this.invoke(handler, envelope, context),
        provides: extras.provides,
      };
    });
  }

  on(): never {
    throw new Error('ExactlyOnceTransport has no events to listen to');
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  /** Runs the handler through Nest (pipes, interceptors, the filter above) and rethrows what it threw. */
  private async invoke(handler: MessageHandler, envelope: EventEnvelope, context: HandlerContext): Promise<void> {
    const result: unknown = await handler(envelope, new EventContext(envelope, context));
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}
