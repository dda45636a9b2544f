/**
 * Issue 13: event handlers are declared the NestJS way. An `@EventPattern(Event.type)` method of
 * a `@Controller()` is found by Nest, handed to ExactlyOnceTransport and run by the exactly-once
 * consumer inside its transaction: a handler that throws has its writes rolled back and its
 * event dead-lettered with its own error; one that throws MissingPrerequisite parks until the
 * event that `provides` the key is applied. Booted as every service is (startTestService).
 */
import { Controller, Module } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { randomUUID } from 'node:crypto';
import { CaseOpened, DlqHeaders, OfferAccepted, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { DatabaseModule } from '@rj/shared/persistence';
import { BaseServiceEnv, ServiceCoreModule } from '@rj/shared/service';
import { eventually, readTopics, startTestService, testKafka, type TestService } from '@rj/shared/testing';
import { caseOpened, FIXTURE_MIGRATIONS, offerAccepted } from '../../test/backbone-fixture';
import { MessagingModule } from '../messaging.module';
import { MissingPrerequisite, prerequisiteKey } from '../prerequisite';
import { EventContext, type EventOf } from './event-context';
import { EventPattern } from './event-pattern';
import { ExactlyOnceTransport } from './exactly-once.transport';
import { provides } from './provides';

const MATCHING = 'rj.matching.v1';
const SCHEDULING = 'rj.scheduling.v1';

@Controller()
class OfferEventsController {
  /** Writes first, then fails for a poisoned offer: only the consumer's rollback can undo the write. */
  @EventPattern(OfferAccepted.type, provides(OfferAccepted, (event) => [prerequisiteKey('offer', event.data.offerId)]))
  async onAccepted(@Payload() event: EventOf<typeof OfferAccepted>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query(
      'insert into applied_event (event_id, event_type, referral_id, marker) values ($1, $2, $3, $4)',
      [event.id, event.type, event.referralId, `${ctx.source.topic}:${ctx.envelope.id === event.id}`],
    );
    const poisoned = await ctx.manager.query('select 1 from poison_offer where offer_id = $1', [event.data.offerId]);
    if (poisoned.length) throw new Error(`poisoned on purpose: offer ${event.data.offerId}`);
    await ctx.manager.query('insert into accepted_offer (offer_id) values ($1)', [event.data.offerId]);
  }

  @EventPattern(CaseOpened.type)
  async onCaseOpened(@Payload() event: EventOf<typeof CaseOpened>, @Ctx() { manager }: EventContext): Promise<void> {
    const accepted = await manager.query('select 1 from accepted_offer where offer_id = $1', [event.data.offerId]);
    if (!accepted.length) throw new MissingPrerequisite(prerequisiteKey('offer', event.data.offerId));
    await manager.query('insert into applied_event (event_id, event_type, referral_id) values ($1, $2, $3)', [
      event.id,
      event.type,
      event.referralId,
    ]);
  }
}

function appModule(config: BaseServiceEnv) {
  @Module({
    imports: [
      ServiceCoreModule.forRoot({ name: 'transport-test', config }),
      DatabaseModule.forRoot({
        url: config.DATABASE_URL,
        entities: [],
        migrations: [],
        applicationName: 'transport-test',
      }),
      MessagingModule.forRoot({
        serviceName: 'transport-test',
        groupId: `transport-test-${randomUUID()}`,
        consumer: { maxAttempts: 2, retryBackoffMs: 50, pendingSweepMs: 1000, sessionTimeoutMs: 6000 },
      }),
    ],
    controllers: [OfferEventsController],
  })
  class TransportTestModule {}
  return TransportTestModule;
}

describe('ExactlyOnceTransport: @EventPattern handlers on the exactly-once consumer (issue 13)', () => {
  let service: TestService<BaseServiceEnv>;

  beforeAll(async () => {
    service = await startTestService({
      name: 'transport-test',
      Env: BaseServiceEnv,
      appModule,
      database: { migrations: FIXTURE_MIGRATIONS, entities: [] },
    });
  });
  afterAll(() => service?.close());

  async function publish(topic: string, events: EventEnvelope[]): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${service.topics.prefix}${topic}`,
      messages: events.map((e) => ({ key: e.referralId, value: JSON.stringify(e) })),
    });
    await producer.disconnect();
  }

  const rows = (sql: string, params: unknown[]) => service.dataSource.query(sql, params) as Promise<{ n: number }[]>;
  const applied = async (eventId: string) =>
    (await rows('select count(*)::int as n from applied_event where event_id = $1', [eventId]))[0].n;

  it('finds the @EventPattern methods and subscribes the consumer to their contracts', () => {
    const transport = service.running.app.get(ExactlyOnceTransport);
    const subscriptions = transport.subscriptions();
    expect(subscriptions.map((s) => [s.event.type, s.event.topic])).toEqual([
      [OfferAccepted.type, MATCHING],
      [CaseOpened.type, SCHEDULING],
    ]);
    expect(subscriptions[0].provides?.(offerAccepted(uuidv7(), 'offer-1') as never)).toEqual(['offer:offer-1']);
  });

  it('runs the handler in the consumer transaction, with the event as @Payload() and an EventContext as @Ctx()', async () => {
    const event = offerAccepted(uuidv7());
    await publish(MATCHING, [event]);
    await eventually(async () => (await applied(event.id)) === 1, 20_000, 'the handler applied the event');
    const [row] = (await service.dataSource.query('select marker from applied_event where event_id = $1', [
      event.id,
    ])) as { marker: string }[];
    expect(row.marker).toBe(`${MATCHING}:true`);
    const inbox = await rows('select count(*)::int as n from inbox where event_id = $1', [event.id]);
    expect(inbox[0].n).toBe(1);
  });

  it('rolls back the writes of a handler that throws and dead-letters the event with the handler\u2019s own error', async () => {
    const referralId = uuidv7();
    const poisoned = offerAccepted(referralId) as EventOf<typeof OfferAccepted>;
    const after = offerAccepted(referralId);
    await service.dataSource.query('insert into poison_offer (offer_id) values ($1)', [poisoned.data.offerId]);
    await publish(MATCHING, [poisoned, after]);

    await eventually(async () => (await applied(after.id)) === 1, 30_000, 'the event after the poisoned one');
    const dead = await readTopics([`${service.topics.prefix}${MATCHING}.dlq`], (messages) =>
      messages.some((m) => m.value.includes(poisoned.id)),
    );
    const letter = dead.find((m) => m.value.includes(poisoned.id));
    expect(letter?.headers[DlqHeaders.reason]).toBe('handler_failed');
    expect(letter?.headers[DlqHeaders.error]).toContain(`poisoned on purpose: offer ${poisoned.data.offerId}`);
    // The handler inserted its row before throwing: the transaction undid it, and the inbox holds no claim.
    expect(await applied(poisoned.id)).toBe(0);
    expect((await rows('select count(*)::int as n from inbox where event_id = $1', [poisoned.id]))[0].n).toBe(0);
  });

  it('parks an event whose handler throws MissingPrerequisite until the event that provides the key is applied', async () => {
    const referralId = uuidv7();
    const offerId = uuidv7();
    const opened = caseOpened(referralId, offerId);
    await publish(SCHEDULING, [opened]);
    await eventually(
      async () =>
        (await rows('select count(*)::int as n from pending_event where event_id = $1', [opened.id]))[0].n === 1,
      20_000,
      'case.opened parked',
    );
    expect(await applied(opened.id)).toBe(0);

    await publish(MATCHING, [offerAccepted(referralId, offerId)]);
    await eventually(async () => (await applied(opened.id)) === 1, 20_000, 'case.opened applied after its offer');
  });
});
