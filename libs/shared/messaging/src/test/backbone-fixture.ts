import type { DataSource, EntityManager, MigrationInterface, QueryRunner } from 'typeorm';
import {
  CaseOpened,
  OfferAccepted,
  OfferWithdrawn,
  uuidv7,
  type Actor,
  type EventDefinition,
  type EventEnvelope,
} from '@rj/shared/contracts';
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import {
  createScratchDatabase,
  createTestTopics,
  testKafka,
  type ScratchDatabase,
  type TestTopics,
} from '@rj/shared/testing';
import { createKafka } from '../lib/kafka-client';
import { CreateMessagingTables1764100000000 } from '../lib/migrations/1764100000000-create-messaging-tables';
import { MissingPrerequisite, prerequisiteKey } from '../lib/prerequisite';
import { on, type Subscription } from '../lib/subscription';
import { EventConsumer } from '../lib/event-consumer';
import { OutboxRelay } from '../lib/outbox-relay';
import pino from 'pino';

/**
 * A miniature pair of services for the backbone's proofs: a producer that changes a row and
 * emits an event in one transaction, and a consumer that applies events into its own tables.
 */
class CreateFixtureTables1764100000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('create table widget (id uuid primary key, referral_id uuid not null)');
    // tx: the transaction that applied the event, so a spec can tell how the consumer grouped them.
    await queryRunner.query(`create table applied_event (seq bigserial primary key, event_id uuid not null, event_type text not null,
      referral_id uuid, marker text, applied_at timestamptz not null default now(), tx bigint not null default txid_current())`);
    await queryRunner.query('create table accepted_offer (offer_id uuid primary key)');
    await queryRunner.query('create table poison_offer (offer_id uuid primary key)');
  }
  async down(): Promise<void> {
    // scratch databases are dropped whole
  }
}

export const FIXTURE_MIGRATIONS = [CreateMessagingTables1764100000000, CreateFixtureTables1764100000001];

const actor: Actor = { sub: 'partner-admin-1', role: 'partner_admin', org: '0195f000-0000-7000-8000-000000000001' };

export function envelopeOf<D extends EventDefinition>(
  definition: D,
  referralId: string,
  data: object,
  aggregateId = uuidv7(),
): EventEnvelope {
  return {
    id: uuidv7(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    aggregateType: definition.aggregateType,
    aggregateId,
    referralId,
    actor,
    correlationId: uuidv7(),
    causationId: null,
    data,
  };
}

export function offerAccepted(referralId: string, offerId = uuidv7()): EventEnvelope {
  return envelopeOf(OfferAccepted, referralId, { offerId, partnerId: actor.org! }, offerId);
}

/** Same topic as offer.accepted: the fixture's handler waits for that offer's acceptance. */
export function offerWithdrawn(referralId: string, offerId: string): EventEnvelope {
  return envelopeOf(OfferWithdrawn, referralId, { offerId, partnerId: actor.org! }, offerId);
}

export function caseOpened(referralId: string, offerId: string): EventEnvelope {
  const caseId = uuidv7();
  return envelopeOf(CaseOpened, referralId, { caseId, partnerId: actor.org!, offerId }, caseId);
}

/** FIXTURE_HANG_IN_HANDLER=<referralId>: the handler writes, announces itself and never returns. */
export function fixtureSubscriptions(): Subscription[] {
  return [
    on(
      OfferAccepted,
      async (event, { manager }) => {
        const poisoned = await manager.query('select 1 from poison_offer where offer_id = $1', [event.data.offerId]);
        if (poisoned.length) throw new Error(`handler keeps failing for offer ${event.data.offerId}`);
        await manager.query('insert into accepted_offer (offer_id) values ($1)', [event.data.offerId]);
        await manager.query('insert into applied_event (event_id, event_type, referral_id) values ($1, $2, $3)', [
          event.id,
          event.type,
          event.referralId,
        ]);
        if (process.env.FIXTURE_HANG_IN_HANDLER === event.referralId) {
          process.stdout.write(`IN-HANDLER ${event.id}\n`);
          await new Promise(() => undefined);
        }
      },
      (event) => [prerequisiteKey('offer', event.data.offerId)],
    ),
    on(CaseOpened, (event, { manager }) => applyOnceAccepted(manager, event)),
    // A prerequisite on the same topic (offer.accepted), as when a DLQ re-drive brings it late.
    on(OfferWithdrawn, (event, { manager }) => applyOnceAccepted(manager, event)),
  ];
}

async function applyOnceAccepted(manager: EntityManager, event: EventEnvelope<string, { offerId: string }>) {
  const accepted = await manager.query('select 1 from accepted_offer where offer_id = $1', [event.data.offerId]);
  if (!accepted.length) throw new MissingPrerequisite(prerequisiteKey('offer', event.data.offerId));
  await manager.query('insert into applied_event (event_id, event_type, referral_id) values ($1, $2, $3)', [
    event.id,
    event.type,
    event.referralId,
  ]);
}

export const quietLogger = () => pino({ level: process.env.FIXTURE_LOG_LEVEL ?? 'silent' });

export function fixtureConsumer(
  dataSource: DataSource,
  groupId: string,
  topicPrefix: string,
  overrides: Partial<ConstructorParameters<typeof EventConsumer>[0]> = {},
): EventConsumer {
  const logger = quietLogger();
  const kafka = createKafka({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    clientId: groupId,
    logger,
  });
  return new EventConsumer({
    kafka,
    dataSource,
    groupId,
    topicPrefix,
    subscriptions: fixtureSubscriptions(),
    logger,
    sessionTimeoutMs: 6000,
    retryBackoffMs: 50,
    maxAttempts: 3,
    pendingSweepMs: 1000,
    ...overrides,
  });
}

export function fixtureRelay(
  dataSource: DataSource,
  topicPrefix: string,
  afterPublish?: (seqs: string[]) => Promise<void>,
): OutboxRelay {
  const logger = quietLogger();
  const kafka = createKafka({
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    clientId: 'fixture-relay',
    logger,
  });
  return new OutboxRelay({
    dataSource,
    kafka,
    logger,
    name: 'fixture',
    topicPrefix,
    pollIntervalMs: 200,
    afterPublish,
  });
}

/** Sends events to `topic` under the suite's prefix, keyed by referral, as a service's relay would. */
export async function publishEvents(topicPrefix: string, topic: string, events: EventEnvelope[]): Promise<void> {
  const producer = testKafka().producer();
  await producer.connect();
  try {
    await producer.send({
      topic: `${topicPrefix}${topic}`,
      messages: events.map((e) => ({ key: e.referralId, value: JSON.stringify(e) })),
    });
  } finally {
    await producer.disconnect();
  }
}

/** The fixture's consumer started on topics and a database of its own, for a spec's suite. */
export interface FixtureConsumerSuite {
  groupId: string;
  topics: TestTopics;
  db: ScratchDatabase;
  consumer: EventConsumer;
  /** How many times the fixture's handlers applied the event (0 or 1). */
  applied(eventId: string): Promise<number>;
  stop(): Promise<void>;
}

export async function startFixtureConsumerSuite(
  name: string,
  options: {
    partitions?: number;
    kafka?: (groupId: string) => Kafka;
    beforeStart?: (db: ScratchDatabase) => void;
    /** The consumer's options beyond the fixture's (fetch bounds, run length). */
    consumer?: Partial<ConstructorParameters<typeof EventConsumer>[0]>;
  } = {},
): Promise<FixtureConsumerSuite> {
  const groupId = `${name}-${randomUUID()}`;
  const topics = await createTestTopics(options.partitions);
  const db = await createScratchDatabase(name, { migrations: FIXTURE_MIGRATIONS });
  options.beforeStart?.(db);
  const consumer = fixtureConsumer(db.dataSource, groupId, topics.prefix, {
    ...options.consumer,
    ...(options.kafka && { kafka: options.kafka(groupId) }),
  });
  await consumer.start();
  return {
    groupId,
    topics,
    db,
    consumer,
    applied: async (eventId) =>
      (
        (await db.dataSource.query('select count(*)::int as n from applied_event where event_id = $1', [eventId])) as {
          n: number;
        }[]
      )[0].n,
    stop: async () => {
      await consumer.stop();
      await db.drop();
      await topics.delete();
    },
  };
}
