import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pino from 'pino';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { OfferAccepted, uuidv7, type EventEnvelope } from '@rj/shared/contracts';
import { createKafka, CreateMessagingTables1764100000000, EventConsumer, on } from '@rj/shared/messaging';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
  testKafka,
  type ScratchDatabase,
  type TestTopics,
} from '@rj/shared/testing';
import { runDlq } from './dlq';
import { describeLetter, listLetters, positions, redrive, type DlqContext } from './lib/dead-letters';

const MATCHING = 'rj.matching.v1';
const PARTNER = '0195f000-0000-7000-8000-000000000001';

class CreateAppliedEvent1764100000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'create table applied_event (event_id uuid not null, applied_at timestamptz not null default now())',
    );
  }
  async down(): Promise<void> {
    // scratch databases are dropped whole
  }
}

function offerAccepted(referralId: string): EventEnvelope {
  const offerId = uuidv7();
  return {
    id: uuidv7(),
    type: OfferAccepted.type,
    version: OfferAccepted.version,
    occurredAt: new Date().toISOString(),
    aggregateType: OfferAccepted.aggregateType,
    aggregateId: offerId,
    referralId,
    actor: { sub: 'partner-admin-1', role: 'partner_admin', org: PARTNER },
    correlationId: uuidv7(),
    causationId: null,
    data: { offerId, partnerId: PARTNER },
  };
}

/** The handler bug, switched on and off by the test. */
let handlerBroken = false;

describe('dlq re-drive: a message dead-lettered by a handler bug, re-driven after the fix', () => {
  let topics: TestTopics;
  let db: ScratchDatabase;
  let consumer: EventConsumer;
  let context: DlqContext;

  beforeAll(async () => {
    topics = await createTestTopics(1);
    db = await createScratchDatabase('dlq_redrive', {
      migrations: [CreateMessagingTables1764100000000, CreateAppliedEvent1764100000001],
    });
    const logger = pino({ level: 'silent' });
    const groupId = `dlq-${randomUUID()}`;
    consumer = new EventConsumer({
      kafka: createKafka({
        brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
        clientId: groupId,
        logger,
      }),
      dataSource: db.dataSource,
      groupId,
      topicPrefix: topics.prefix,
      logger,
      maxAttempts: 2,
      retryBackoffMs: 50,
      sessionTimeoutMs: 6000,
      subscriptions: [
        on(OfferAccepted, async (event, { manager }) => {
          if (handlerBroken) throw new Error('handler bug: cannot read the offer');
          await manager.query('insert into applied_event (event_id) values ($1)', [event.id]);
        }),
      ],
    });
    await consumer.start();
    context = { kafka: testKafka('dlq-tool'), topicPrefix: topics.prefix };
  });

  afterAll(async () => {
    await consumer?.stop();
    await db?.drop();
    await topics?.delete();
  });

  const timesApplied = async (eventId: string) =>
    (await db.dataSource.query('select count(*)::int as n from applied_event where event_id = $1', [eventId]))[0]
      .n as number;

  async function publish(event: EventEnvelope): Promise<void> {
    const producer = testKafka().producer();
    await producer.connect();
    await producer.send({
      topic: `${topics.prefix}${MATCHING}`,
      messages: [{ key: event.referralId, value: JSON.stringify(event) }],
    });
    await producer.disconnect();
  }

  /** Once a later event of the same partition is applied, everything before it was seen. */
  async function sentinelApplied(): Promise<void> {
    const sentinel = offerAccepted(uuidv7());
    await publish(sentinel);
    await eventually(async () => (await timesApplied(sentinel.id)) === 1, 30_000, 'the sentinel');
  }

  it('lists it by topic and reason, shows its metadata only, applies it once after the fix, and a second re-drive applies nothing', async () => {
    handlerBroken = true;
    const event = offerAccepted(uuidv7());
    await publish(event);

    const [letter] = await eventually(
      async () => {
        const waiting = await listLetters(context);
        return waiting.length ? waiting : null;
      },
      30_000,
      'the dead letter',
    );
    const shown = describeLetter(letter);
    expect(shown.summary).toMatchObject({
      originalTopic: `${topics.prefix}${MATCHING}`,
      reason: 'handler_failed',
      eventId: event.id,
      eventType: 'offer.accepted',
    });
    expect(shown.envelope).toMatchObject({ id: event.id, type: 'offer.accepted', referralId: event.referralId });
    expect(shown.envelope).not.toHaveProperty('data');
    expect(await timesApplied(event.id)).toBe(0);

    // The fix is deployed; the operator re-drives everything waiting.
    handlerBroken = false;
    const records = await redrive(context, await listLetters(context), 'operator@rj.example');
    expect(records).toEqual([
      expect.objectContaining({
        action: 'dlq.redrive',
        by: 'operator@rj.example',
        eventId: event.id,
        reason: 'handler_failed',
        offset: letter.offset,
      }),
    ]);
    await eventually(async () => (await timesApplied(event.id)) === 1, 30_000, 'the re-driven event to apply');

    // The position moved past it: nothing waits, and `redrive --all` again re-drives nothing.
    const dlqTopic = `${topics.prefix}${MATCHING}.dlq`;
    expect((await positions(context, dlqTopic)).get(0)?.from).toBe(BigInt(letter.offset) + 1n);
    expect(await listLetters(context)).toEqual([]);
    const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      expect(await runDlq(['redrive', '--all', '--by', 'operator@rj.example'], context)).toBe(0);
      expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toContain('re-drove 0 dead letter(s)');
      // The same letter re-driven by reference a second time: published again, applied never again.
      expect(await runDlq(['redrive', `${dlqTopic}/0/${letter.offset}`, '--by', 'operator@rj.example'], context)).toBe(
        0,
      );
      expect(stdout.mock.calls.map(([text]) => String(text)).join('')).toContain(`"eventId":"${event.id}"`);
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
    await sentinelApplied();
    expect(await timesApplied(event.id)).toBe(1);
    // Nothing new was dead-lettered along the way.
    expect(await listLetters(context)).toEqual([]);
  });
});

describe('dlq CLI: connects with the brokers\u2019 security settings, as the services do', () => {
  const ROOT = path.resolve(__dirname, '../..');
  const run = (env: Record<string, string>) =>
    new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [
          '-r',
          path.join(ROOT, 'tools/runtime/register.js'),
          path.join(ROOT, 'tools/dlq/dlq.ts'),
          'list',
          '--topic',
          MATCHING,
        ],
        { cwd: ROOT, env: { ...process.env, ...env }, timeout: 90_000 },
        (error, _stdout, stderr) =>
          resolve({ code: typeof error?.code === 'number' ? error.code : error ? -1 : 0, stderr }),
      );
    });

  it('authenticates with SCRAM when KAFKA_SASL_* are set: the local plaintext broker refuses the handshake, exit 2', async () => {
    const { code, stderr } = await run({
      KAFKA_SASL_USERNAME: 'rj-kafka-dlq',
      KAFKA_SASL_PASSWORD: 'not-a-real-password',
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/dlq failed: .*SASL/);
  });
});
