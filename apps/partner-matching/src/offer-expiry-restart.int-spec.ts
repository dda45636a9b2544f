import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import type { Producer } from 'kafkajs';
import { MATCHING_DATABASE, OfferEntity } from '@rj/matching/data-access';
import { DEV_JWT_SECRET, mintToken } from '@rj/shared/auth';
import { Topics, type EventEnvelope } from '@rj/shared/contracts';
import {
  createScratchDatabase,
  createTestTopics,
  eventually,
  freePort,
  httpRequest,
  spawnTs,
  startTestSmtpServer,
  testKafka,
  type ScratchDatabase,
  type SpawnedProcess,
  type TestSmtpServer,
  type TestTopics,
} from '@rj/shared/testing';
import { referralScreened, referralSubmitted } from './test/matching-harness';

/**
 * issue #4, Proof: kill the service between an offer and its expiry, flush Redis, restart — the
 * offer still expires, because Postgres holds `expiresAt` and the start-up sweep expires what is
 * overdue and re-creates the jobs Redis lost. The machine's Redis is shared, so this test runs
 * (and flushes) a redis-server of its own, and the service as a real process it SIGKILLs.
 */
describe('partner-matching: offers expire across a crash and a Redis loss', () => {
  let redisServer: ChildProcess;
  let redis: Redis;
  let redisUrl: string;
  let database: ScratchDatabase;
  let topics: TestTopics;
  let smtp: TestSmtpServer;
  let producer: Producer;
  let service: SpawnedProcess | undefined;

  beforeAll(async () => {
    const port = await freePort();
    redisServer = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    const ownRedis = redisServer;
    process.once('exit', () => ownRedis.kill('SIGKILL')); // never outlives an interrupted run
    redisUrl = `redis://127.0.0.1:${port}`;
    // Queued until the server accepts connections, retried every 100 ms.
    redis = new Redis(redisUrl, { retryStrategy: () => 100, maxRetriesPerRequest: null });
    expect(await redis.ping()).toBe('PONG');
    database = await createScratchDatabase('partner_matching_restart', {
      migrations: MATCHING_DATABASE.migrations,
      entities: MATCHING_DATABASE.entities,
    });
    topics = await createTestTopics();
    smtp = await startTestSmtpServer();
    producer = testKafka('rj-test-matching-restart').producer();
    await producer.connect();
  });

  afterAll(async () => {
    service?.kill('SIGKILL');
    await producer?.disconnect().catch(() => undefined);
    await smtp?.close();
    await database?.drop();
    await topics?.delete();
    redis?.disconnect();
    redisServer?.kill('SIGKILL');
  });

  async function startService(): Promise<{ process: SpawnedProcess; url: string }> {
    const spawned = spawnTs('apps/partner-matching/src/main.ts', {
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      REDIS_URL: redisUrl,
      KAFKA_TOPIC_PREFIX: topics.prefix,
      SMTP_URL: smtp.url,
      OFFER_SWEEP_EVERY_MS: '600000',
    });
    service = spawned;
    await spawned.waitFor('partner-matching listening on', 60_000);
    const url = /partner-matching listening on (http:\/\/[0-9.]+:\d+)/.exec(spawned.output())![1];
    return { process: spawned, url };
  }

  const expiryJobKey = (offerId: string) => `rj-partner-matching:offer-expiry:offer.expire-${offerId}`;
  const offerRow = (id: string) => database.dataSource.getRepository(OfferEntity).findOneByOrFail({ id });
  const emitted = async (referralId: string): Promise<EventEnvelope[]> =>
    (
      await database.dataSource.query(`select payload from outbox where payload->>'referralId' = $1 order by seq`, [
        referralId,
      ])
    ).map((r: { payload: EventEnvelope }) => r.payload);

  it('expires an overdue offer at start-up and a pending one through its re-created job', async () => {
    const first = await startService();
    const admin = mintToken({ sub: 'admin-1', role: 'admin', org: null, name: 'Admin' }, DEV_JWT_SECRET);
    const register = async (jurisdiction: string, responseHours: number) => {
      const body = {
        name: `Partner ${jurisdiction}`,
        jurisdictions: [jurisdiction],
        offenseCategories: ['assault'],
        languages: ['nl'],
        servesMinors: true,
        capacity: 5,
        responseHours,
      };
      const response = await httpRequest(`${first.url}/api/partners`, 'POST', { token: admin, body });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    // 0.003 h = 10.8 s: overdue while the service is down. 0.015 h = 54 s: still pending after the
    // restart, even on a loaded machine where the restart takes a while.
    const soonPartner = await register('X-SOON', 0.003);
    const laterPartner = await register('X-LATER', 0.015);
    const soon = referralSubmitted({ jurisdiction: 'X-SOON' });
    const later = referralSubmitted({ jurisdiction: 'X-LATER' });
    for (const event of [soon, referralScreened(soon.referralId!), later, referralScreened(later.referralId!)]) {
      await producer.send({
        topic: `${topics.prefix}${Topics.referral}`,
        messages: [{ key: event.referralId, value: JSON.stringify(event) }],
      });
    }
    const pendingOf = (referralId: string) =>
      eventually(
        () => database.dataSource.getRepository(OfferEntity).findOneBy({ referralId, status: 'pending' }),
        60_000,
        `an offer of ${referralId}`,
      );
    const soonOffer = await pendingOf(soon.referralId!);
    const laterOffer = await pendingOf(later.referralId!);
    expect([soonOffer.partnerId, laterOffer.partnerId]).toEqual([soonPartner, laterPartner]);
    await eventually(
      async () => (await redis.exists(expiryJobKey(soonOffer.id), expiryJobKey(laterOffer.id))) === 2,
      30_000,
      'both expiry jobs in Redis',
    );

    // Kill the service between offer and expiry, and lose everything Redis held.
    first.process.kill('SIGKILL');
    expect(await first.process.exited).toBe('SIGKILL');
    await redis.flushall();
    expect(await redis.dbsize()).toBe(0);
    expect(Date.now()).toBeLessThan(soonOffer.expiresAt.getTime());

    // Down until the first offer is overdue; the second is still in its window.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, soonOffer.expiresAt.getTime() - Date.now() + 500)));
    expect((await offerRow(soonOffer.id)).status).toBe('pending');

    const second = await startService();
    // The start-up sweep expired the overdue offer (its job died with Redis) ...
    await eventually(
      async () => (await offerRow(soonOffer.id)).status === 'expired',
      30_000,
      'the overdue offer expired',
    );
    expect((await offerRow(laterOffer.id)).status).toBe('pending');
    // ... and re-created the pending offer's job, which expires it at its deadline.
    expect(Date.now()).toBeLessThan(laterOffer.expiresAt.getTime());
    expect(await redis.exists(expiryJobKey(laterOffer.id))).toBe(1);
    await eventually(
      async () => (await offerRow(laterOffer.id)).status === 'expired',
      90_000,
      'the pending offer expired',
    );
    expect((await offerRow(laterOffer.id)).resolvedAt!.getTime()).toBeGreaterThanOrEqual(
      laterOffer.expiresAt.getTime(),
    );

    for (const referral of [soon, later]) {
      expect((await emitted(referral.referralId!)).map((e) => e.type)).toEqual([
        'match.computed',
        'offer.made',
        'offer.expired',
        'referral.unmatched',
      ]);
    }
    second.process.kill('SIGTERM');
    expect(await second.process.exited).toBe(0);
  }, 240_000);
});
