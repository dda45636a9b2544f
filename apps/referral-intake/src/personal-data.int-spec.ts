import { randomBytes } from 'node:crypto';
import { mintServiceToken } from '@rj/shared/auth';
import { ALL_TOPICS, ROLES, Topics, type EventEnvelope } from '@rj/shared/contracts';
import { KeyStoreClient, parseMasterKeys, DEV_MASTER_KEYS, unwrapDataKey } from '@rj/shared/pii';
import { httpRequest, readTopics } from '@rj/shared/testing';
import { KeyStore } from './key-store/key-store';
import { eventsOf, hasTypes } from './test/events';
import { startIntakeHarness, type IntakeHarness } from './test/intake-harness';
import { plaintextsOf, referralBody } from './test/referral-body';

/** Every row of every table of the service's database, as text. */
async function allRows(intake: IntakeHarness): Promise<string> {
  const tables: { table_name: string }[] = await intake.dataSource.query(
    `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const dumps = await Promise.all(
    tables.map(({ table_name }) =>
      intake.dataSource.query(`select coalesce(json_agg(t)::text, '') as rows from "${table_name}" t`),
    ),
  );
  return dumps.map(([{ rows }]) => rows).join('\n');
}

async function allMessages(intake: IntakeHarness, done: (text: string) => boolean): Promise<string> {
  const messages = await readTopics(
    ALL_TOPICS.map((topic) => `${intake.topics.prefix}${topic}`),
    (read) => done(read.map((m) => m.value).join('\n')),
  );
  return messages.map((m) => m.value).join('\n');
}

/** A token of a service that decrypts, and so may fetch data keys (hardening 2). */
const keyReader = (intake: IntakeHarness): string =>
  mintServiceToken('mediation-scheduling', intake.config.AUTH_JWT_SECRET);

function keyStoreClient(intake: IntakeHarness): KeyStoreClient {
  return new KeyStoreClient({
    baseUrl: intake.internalUrl!,
    serviceToken: () => mintServiceToken('mediation-scheduling', intake.config.AUTH_JWT_SECRET),
  });
}

describe('referral-intake: personal data, the key store and erasure', () => {
  let intake: IntakeHarness;
  let office: { id: string; prosecutor: string };
  let body: ReturnType<typeof referralBody>;
  let referralId: string;
  let submitted: EventEnvelope<string, any>;

  beforeAll(async () => {
    intake = await startIntakeHarness();
    office = await intake.registerOffice();
    body = referralBody({ protectiveOrder: true });
    referralId = (
      await intake.submit(office.prosecutor, body, { 'Idempotency-Key': `pd-${randomBytes(4).toString('hex')}` })
    ).body.id;
    const review = await intake.request('POST', `/api/referrals/${referralId}/review`, {
      token: intake.admin,
      body: { decision: 'eligible', reason: 'The order allows contact through the mediator' },
    });
    expect(review.status).toBe(200);
    await intake.request('GET', `/api/referrals/${referralId}`, { token: office.prosecutor });
    const events = await eventsOf(intake.topics.prefix, Topics.referral, referralId, hasTypes('referral.submitted'));
    submitted = events.find((event) => event.type === 'referral.submitted')!;
  });
  afterAll(() => intake?.close());

  it('keeps no plaintext name, contact, case number or note in any row of its database', async () => {
    const rows = await allRows(intake);
    expect(rows).toContain(referralId);
    for (const plaintext of [...plaintextsOf(body), '+31 6 11111111', '+31 6 22222222'])
      expect(rows).not.toContain(plaintext);
  });

  it('publishes no plaintext name, contact, case number or note on any topic', async () => {
    const text = await allMessages(
      intake,
      (read) => read.includes('personal_data.read') && read.includes('referral.screened'),
    );
    expect(text).toContain(referralId);
    for (const plaintext of [...plaintextsOf(body), '+31 6 11111111']) expect(text).not.toContain(plaintext);
  });

  describe('GET /internal/keys/{keyId}', () => {
    it('gives a service the data key, with which the ciphertext in referral.submitted decrypts', async () => {
      const client = keyStoreClient(intake);
      expect(await client.decrypt(submitted.data.participants[0].fullName)).toBe(body.parties[0].fullName);
      expect(await client.decrypt(submitted.data.participants[1].guardian.contact.email)).toBe(
        body.parties[1].guardian!.contact.email,
      );
      expect(await client.decrypt(submitted.data.caseNumber)).toBe(body.caseNumber);
      const response = await intake.request('GET', `/internal/keys/${submitted.data.dataKeyId}`, {
        internal: true,
        token: keyReader(intake),
      });
      expect(response).toMatchObject({
        status: 200,
        body: { keyId: submitted.data.dataKeyId, key: expect.any(String) },
      });
      expect(Buffer.from(response.body.key, 'base64')).toHaveLength(32);
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it.each(ROLES.filter((role) => role !== 'service'))('refuses the role %s (403)', async (role) => {
      const response = await intake.request('GET', `/internal/keys/${submitted.data.dataKeyId}`, {
        internal: true,
        token: intake.as(role, office.id),
      });
      expect(response.status).toBe(403);
      expect(JSON.stringify(response.body)).not.toMatch(/"key"/);
    });

    it('refuses a caller without a token (401), and answers 404 for a key it never issued', async () => {
      expect(
        (await intake.request('GET', `/internal/keys/${submitted.data.dataKeyId}`, { internal: true })).status,
      ).toBe(401);
      expect(
        (
          await intake.request('GET', '/internal/keys/01950000-0000-7000-8000-000000000abc', {
            internal: true,
            token: keyReader(intake),
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await intake.request('GET', '/internal/keys/------------------------------------', {
            internal: true,
            token: keyReader(intake),
          })
        ).status,
      ).toBe(404);
    });

    it('is never served on the public port', async () => {
      const response = await httpRequest(`${intake.url}/internal/keys/${submitted.data.dataKeyId}`, 'GET', {
        token: intake.as('service'),
      });
      expect(response.status).toBe(404);
      expect(intake.internalUrl).not.toBe(intake.url);
    });
  });

  it('re-wraps data keys under a new master key, and the old one can then go', async () => {
    const newKey = { id: 'mk1', secret: randomBytes(32) };
    const ring = parseMasterKeys(`mk1:${newKey.secret.toString('base64')},${DEV_MASTER_KEYS}`);
    const [before] = await intake.dataSource.query(
      'select key_id, master_key_id, wrapped from data_key where key_id = $1',
      [submitted.data.dataKeyId],
    );
    const original = unwrapDataKey(
      before.key_id,
      { masterKeyId: before.master_key_id, wrapped: before.wrapped },
      parseMasterKeys(DEV_MASTER_KEYS),
    );
    const store = new KeyStore(ring);
    const rewrapped = await intake.dataSource.transaction((manager) => store.rewrapBatch(manager));
    expect(rewrapped).toBeGreaterThan(0);
    const [after] = await intake.dataSource.query('select master_key_id, wrapped from data_key where key_id = $1', [
      submitted.data.dataKeyId,
    ]);
    expect(after.master_key_id).toBe('mk1');
    expect(
      unwrapDataKey(before.key_id, { masterKeyId: after.master_key_id, wrapped: after.wrapped }, [newKey]).key.equals(
        original.key,
      ),
    ).toBe(true);
    // Put them back under the development key the running service holds.
    await intake.dataSource.transaction((manager) =>
      new KeyStore(parseMasterKeys(`${DEV_MASTER_KEYS},mk1:${newKey.secret.toString('base64')}`)).rewrapBatch(manager),
    );
  });

  describe('DELETE /api/referrals/{id}/personal-data', () => {
    it('is for admins only', async () => {
      for (const role of ['prosecutor', 'auditor', 'partner_admin', 'mediator', 'service'] as const) {
        expect(
          (
            await intake.request('DELETE', `/api/referrals/${referralId}/personal-data`, {
              token: intake.as(role, office.id),
            })
          ).status,
        ).toBe(403);
      }
      expect(
        (
          await intake.request('DELETE', '/api/referrals/01950000-0000-7000-8000-000000000abc/personal-data', {
            token: intake.admin,
          })
        ).status,
      ).toBe(404);
    });

    it('deletes the data key: every copy becomes unreadable, reads show null, the key store answers 410, history stays', async () => {
      const erased = await intake.request('DELETE', `/api/referrals/${referralId}/personal-data`, {
        token: intake.admin,
      });
      expect(erased).toMatchObject({
        status: 200,
        body: { referralId, dataKeyId: submitted.data.dataKeyId, personalDataErasedAt: expect.any(String) },
      });
      const again = await intake.request('DELETE', `/api/referrals/${referralId}/personal-data`, {
        token: intake.admin,
      });
      expect(again).toMatchObject({ status: 200, body: erased.body });

      expect(
        (
          await intake.request('GET', `/internal/keys/${submitted.data.dataKeyId}`, {
            internal: true,
            token: keyReader(intake),
          })
        ).status,
      ).toBe(410);
      const freshClient = keyStoreClient(intake);
      expect(await freshClient.decrypt(submitted.data.participants[0].fullName)).toBeNull();

      const detail = await intake.request('GET', `/api/referrals/${referralId}`, { token: office.prosecutor });
      expect(detail.body).toMatchObject({
        status: 'matching',
        personalDataErasedAt: erased.body.personalDataErasedAt,
        caseNumber: null,
        notes: null,
        offense: { code: 'SR-350', description: null },
        parties: [
          {
            role: 'harmed',
            fullName: null,
            dateOfBirth: null,
            accessibilityNeeds: null,
            contact: { email: null, phone: null, safeChannels: ['email'] },
          },
          {
            role: 'responsible',
            fullName: null,
            guardian: { fullName: null, contact: { email: null, safeChannels: ['email'] } },
            counsel: { fullName: null },
          },
        ],
        review: { decision: 'eligible', reason: null },
      });
      expect(detail.body.statusHistory.map((step: { status: string }) => step.status)).toEqual([
        'submitted',
        'needs_review',
        'matching',
      ]);

      const events = await eventsOf(
        intake.topics.prefix,
        Topics.referral,
        referralId,
        hasTypes('referral.personal_data_erased'),
      );
      expect(events.filter((e) => e.type === 'referral.personal_data_erased')).toEqual([
        expect.objectContaining({
          actor: expect.objectContaining({ role: 'admin' }),
          data: { dataKeyId: submitted.data.dataKeyId, erasedAt: erased.body.personalDataErasedAt },
        }),
      ]);
      // One read by the prosecutor; the key fetches of the service are logged apart (hardening 2).
      const reads = await eventsOf(intake.topics.prefix, Topics.access, referralId, () => false, 3000);
      expect(
        reads.filter((read) => (read.data as { endpoint: string }).endpoint !== 'GET /internal/keys/{keyId}'),
      ).toHaveLength(1);

      const [key] = await intake.dataSource.query('select wrapped, erased_at from data_key where key_id = $1', [
        submitted.data.dataKeyId,
      ]);
      expect(key).toEqual({ wrapped: null, erased_at: expect.any(Date) });
      const [idempotency] = await intake.dataSource.query(
        'select count(*)::int as n from idempotency_key where resource_id = $1',
        [referralId],
      );
      expect(idempotency.n).toBe(0);
      const rows = await allRows(intake);
      for (const plaintext of [...plaintextsOf(body), 'The order allows contact'])
        expect(rows).not.toContain(plaintext);
    });
  });
});
