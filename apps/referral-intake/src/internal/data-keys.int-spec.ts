import { Module } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { mintServiceToken, mintToken } from '@rj/shared/auth';
import { Topics, type EventEnvelope } from '@rj/shared/contracts';
import { bootstrapService } from '@rj/shared/service';
import { eventsOf } from '../test/events';
import { startIntakeHarness, type IntakeHarness } from '../test/intake-harness';
import { referralBody } from '../test/referral-body';
import { KEY_FETCH_ENDPOINT } from './data-key-readers';
import { internalModule } from './internal.module';

const keyFetches = (events: EventEnvelope[]) =>
  events.filter(
    (e) => e.type === 'personal_data.read' && (e.data as { endpoint: string }).endpoint === KEY_FETCH_ENDPOINT,
  );

describe('hardening 2: each service its own identity; only the services that decrypt get data keys', () => {
  let intake: IntakeHarness;
  let referralId: string;
  let dataKeyId: string;
  const as = (sub: string) => mintToken({ sub, role: 'service', org: null, name: sub }, intake.config.AUTH_JWT_SECRET);
  const fetchKey = (token: string, keyId = dataKeyId) =>
    intake.request('GET', `/internal/keys/${keyId}`, { internal: true, token });

  beforeAll(async () => {
    intake = await startIntakeHarness();
    const office = await intake.registerOffice();
    referralId = (
      await intake.submit(office.prosecutor, referralBody(), {
        'Idempotency-Key': `keys-${randomBytes(4).toString('hex')}`,
      })
    ).body.id;
    [{ key_id: dataKeyId }] = await intake.dataSource.query('select key_id from data_key where referral_id = $1', [
      referralId,
    ]);
  });
  afterAll(() => intake?.close());

  it.each([
    ['mediation-scheduling, by its identity-provider subject', 'mediation-scheduling'],
    ['outcome-tracking, by its identity-provider subject', 'outcome-tracking'],
    ['mediation-scheduling, by the subject tests mint', 'system:mediation-scheduling'],
  ])('serves the key to %s', async (_who, sub) => {
    expect(await fetchKey(as(sub))).toMatchObject({ status: 200, body: { keyId: dataKeyId, key: expect.any(String) } });
  });

  it.each(['partner-matching', 'audit-ledger', 'system:audit-ledger', 'service-none', 'anything-else'])(
    'refuses the service %s with 403, before any look-up',
    async (sub) => {
      const refused = await fetchKey(as(sub));
      expect(refused).toMatchObject({
        status: 403,
        body: { status: 403, detail: 'This service does not decrypt personal data and may not fetch data keys.' },
      });
      // The same answer for a key that does not exist and for an id that is not even a UUID:
      // the store was not consulted, so nothing is learnt about which keys exist.
      expect((await fetchKey(as(sub), '01950000-0000-7000-8000-000000000abc')).status).toBe(403);
      expect((await fetchKey(as(sub), 'not-a-key')).status).toBe(403);
    },
  );

  it('records every key handed out as personal_data.read by the fetching service, and no refused attempt', async () => {
    const before = keyFetches(
      await eventsOf(intake.topics.prefix, Topics.access, referralId, (events) => keyFetches(events).length >= 3),
    ).length;
    expect(before).toBe(3);
    await fetchKey(mintServiceToken('outcome-tracking', intake.config.AUTH_JWT_SECRET));
    const fetches = keyFetches(
      await eventsOf(intake.topics.prefix, Topics.access, referralId, (events) => keyFetches(events).length >= 4),
    );
    expect(fetches).toHaveLength(4);
    expect(fetches.map((e) => (e.data as { reader: { sub: string } }).reader.sub).sort()).toEqual([
      'mediation-scheduling',
      'outcome-tracking',
      'system:mediation-scheduling',
      'system:outcome-tracking',
    ]);
    expect(fetches[0]).toMatchObject({
      referralId,
      actor: { role: 'service' },
      data: {
        referralId,
        endpoint: 'GET /internal/keys/{keyId}',
        fields: ['dataKey'],
        reader: { role: 'service', org: null },
      },
    });
  });

  it('binds the key store to INTERNAL_HOST (loopback by default)', async () => {
    expect(intake.config.INTERNAL_HOST).toBe('127.0.0.1');
    @Module({})
    class NoPublicRoutes {}
    const running = await bootstrapService({
      name: 'referral-intake',
      module: NoPublicRoutes,
      config: intake.config,
      handleSignals: false,
      logDestination: { write: () => undefined },
      internal: { port: 0, host: intake.config.INTERNAL_HOST, module: internalModule(intake.config) },
    });
    try {
      expect((running.internal!.app.getHttpServer().address() as AddressInfo).address).toBe('127.0.0.1');
    } finally {
      await running.close();
    }
  });
});
