import pino from 'pino';
import { throwError } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { OfferAccepted, OfferMade } from '@rj/shared/contracts';
import { createKafka } from '../kafka-client';
import { MissingPrerequisite } from '../prerequisite';
import { RunBatches, type RunBatch } from '../run-batch';
import type { HandlerContext } from '../subscription';
import { EventContext } from './event-context';
import { ExactlyOnceTransport } from './exactly-once.transport';
import { provides } from './provides';

/** Never started: subscriptions() only reads what Nest registered, no broker or database is reached. */
function transport(): ExactlyOnceTransport {
  const logger = pino({ level: 'silent' });
  return new ExactlyOnceTransport({
    kafka: createKafka({ brokers: ['127.0.0.1:9092'], clientId: 'transport-spec', logger }),
    dataSource: new DataSource({ type: 'postgres' }),
    groupId: 'transport-spec',
    logger,
  });
}

const context = (): HandlerContext => ({
  // The transport hands the consumer's manager to the handler untouched; none is needed here.
  manager: {} as EntityManager,
  causedBy: { correlationId: 'c', causationId: 'e' },
  logger: pino({ level: 'silent' }),
  source: { topic: OfferAccepted.topic, partition: 1, offset: '7' },
  batch: (kind) => batches.get(kind),
});
const batches = new RunBatches();

class Gathered implements RunBatch {
  readonly ids: string[] = [];
  async flush(): Promise<void> {
    this.ids.length = 0;
  }
}

const envelope = { id: 'e', type: OfferAccepted.type, data: { offerId: 'o-1', partnerId: 'p-1' } } as never;

describe('ExactlyOnceTransport.subscriptions (issue 13)', () => {
  it('subscribes a registered @EventPattern to its contract, with what its extras say it provides', () => {
    const server = transport();
    server.addHandler(OfferAccepted.type, async () => undefined, true, {
      ...provides(OfferAccepted, (event) => [`offer:${event.data.offerId}`]),
    });
    const [subscription] = server.subscriptions();
    expect(subscription.event).toBe(OfferAccepted);
    expect(subscription.provides?.(envelope)).toEqual(['offer:o-1']);
  });

  it('hands the handler the envelope and an EventContext carrying the consumer\u2019s context', async () => {
    const server = transport();
    const calls: unknown[][] = [];
    server.addHandler(OfferAccepted.type, async (...args: unknown[]) => void calls.push(args), true);
    const ctx = context();
    await server.subscriptions()[0].handle(envelope, ctx);
    const [payload, eventContext] = calls[0] as [unknown, EventContext];
    expect(payload).toBe(envelope);
    expect(eventContext).toBeInstanceOf(EventContext);
    expect(eventContext.manager).toBe(ctx.manager);
    expect(eventContext.source).toEqual({ topic: OfferAccepted.topic, partition: 1, offset: '7' });
    expect(eventContext.getArgs()).toEqual([envelope, ctx]);
    // The run's batches are the consumer's: the handler's context reaches the same one.
    eventContext.batch(Gathered).ids.push('e');
    expect(batches.get(Gathered).ids).toEqual(['e']);
  });

  it('rethrows what the handler threw as Nest passed it on (an erroring stream), so the consumer can park', async () => {
    const server = transport();
    const missing = new MissingPrerequisite('offer:o-1');
    server.addHandler(OfferAccepted.type, async () => throwError(() => missing), true);
    await expect(server.subscriptions()[0].handle(envelope, context())).rejects.toBe(missing);
  });

  it('refuses a pattern that is no event type of the contracts', () => {
    const server = transport();
    server.addHandler('offer.acepted', async () => undefined, true);
    expect(() => server.subscriptions()).toThrow("@EventPattern('offer.acepted'): no event of that type");
  });

  it('refuses two handlers of one type, and a @MessagePattern', () => {
    const twice = transport();
    twice.addHandler(OfferAccepted.type, async () => undefined, true);
    twice.addHandler(OfferAccepted.type, async () => undefined, true);
    expect(() => twice.subscriptions()).toThrow('two @EventPattern handlers for offer.accepted');
    const request = transport();
    request.addHandler(OfferMade.type, async () => undefined, false);
    expect(() => request.subscriptions()).toThrow('is a @MessagePattern');
  });
});
