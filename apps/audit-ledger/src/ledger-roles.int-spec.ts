import { Client } from 'pg';
import { AUDIT_DATABASE, AUDIT_ROLES } from '@rj/audit/data-access';
import { SAMPLE_EVENTS, SAMPLE_IDS } from '@rj/shared/contracts/testing';
import { eventually, startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from './app.module';
import { AuditLedgerEnv } from './audit-ledger.env';
import { createOwnedLedgerDatabase, produce } from './test/ledger-harness';

const samples = Object.values(SAMPLE_EVENTS);

/** A client of the ledger's database as one role; closed by the caller. */
async function connectAs(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Issue 14, item 7: migrations run as the owner role, the service as a runtime role that may
 * only read and append the ledger — Postgres itself refuses its UPDATE, DELETE and TRUNCATE
 * of ledger_entry by privilege, before the append-only trigger is reached — and the
 * checkpoint signer as a role that may only read the chain and add checkpoints. Provisioned
 * exactly as tools/infra does for `npm start` (provisionOwnedDatabase, then migrate as owner).
 */
describe('item 7: a separate migration role, and a runtime role with SELECT and INSERT only on ledger_entry', () => {
  let database: Awaited<ReturnType<typeof createOwnedLedgerDatabase>>;
  let service: TestService<AuditLedgerEnv>;
  let owner: Client;
  let runtime: Client;
  let signer: Client;

  beforeAll(async () => {
    database = await createOwnedLedgerDatabase();
    // The service on that database, logged in as the runtime role (as its DATABASE_URL default does).
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0', DATABASE_URL: database.urlAs(AUDIT_ROLES.runtime) },
    });
    [owner, runtime, signer] = await Promise.all(
      [AUDIT_ROLES.owner, AUDIT_ROLES.runtime, AUDIT_ROLES.signer].map((role) => connectAs(database.urlAs(role))),
    );
    await produce(service.topics.prefix, samples);
    await eventually(
      async () => (await owner.query('select count(*)::int as n from ledger_entry')).rows[0].n >= samples.length,
      60_000,
      'the samples appended by the runtime role',
    );
  }, 120_000);

  afterAll(async () => {
    await Promise.all([owner, runtime, signer].map((client) => client?.end().catch(() => undefined)));
    await service?.close();
    await database?.drop();
  });

  it('migrations ran as the owner role: it owns the database and every table', async () => {
    const tables = await owner.query<{ tablename: string; tableowner: string }>(
      `select tablename, tableowner from pg_tables where schemaname = 'public'`,
    );
    expect(tables.rows.map((t) => t.tablename)).toEqual(
      expect.arrayContaining(['ledger_entry', 'ledger_head', 'ledger_checkpoint', 'migrations']),
    );
    expect(new Set(tables.rows.map((t) => t.tableowner))).toEqual(new Set([AUDIT_ROLES.owner]));
    const [database] = (
      await owner.query(`select pg_get_userbyid(datdba) as owner from pg_database where datname = current_database()`)
    ).rows;
    expect(database.owner).toBe(AUDIT_ROLES.owner);
  });

  it('the service runs as the runtime role: it appends, reads and verifies', async () => {
    const [connected] = (
      await owner.query(
        `select distinct usename from pg_stat_activity where datname = current_database() and application_name = 'audit-ledger'`,
      )
    ).rows;
    expect(connected.usename).toBe(AUDIT_ROLES.runtime);
    const auditor = service.token('auditor');
    const timeline = await service.request('GET', `/api/audit/referrals/${SAMPLE_IDS.referralId}/timeline`, {
      token: auditor,
    });
    expect(timeline.status).toBe(200);
    expect(timeline.body.items.length).toBeGreaterThan(0);
    expect((await service.request('GET', '/api/audit/verify', { token: auditor })).body).toMatchObject({ ok: true });
  });

  it("refuses the runtime role's UPDATE, DELETE and TRUNCATE of ledger_entry by privilege, not only by the trigger", async () => {
    const privileges = (
      await runtime.query(
        `select p, has_table_privilege(current_user, 'ledger_entry', p) as granted from unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) as p`,
      )
    ).rows.map((row: { p: string; granted: boolean }) => `${row.p}=${row.granted}`);
    expect(privileges).toEqual(['SELECT=true', 'INSERT=true', 'UPDATE=false', 'DELETE=false', 'TRUNCATE=false']);
    const permissionDenied = {
      code: '42501',
      message: expect.stringMatching(/permission denied for table ledger_entry/),
    };
    await expect(
      runtime.query(`update ledger_entry set event_type = 'referral.withdrawn' where sequence = 1`),
    ).rejects.toMatchObject(permissionDenied);
    await expect(runtime.query('delete from ledger_entry where sequence = 1')).rejects.toMatchObject(permissionDenied);
    await expect(runtime.query('truncate ledger_entry')).rejects.toMatchObject(permissionDenied);
    // Nor can it lift the trigger the way an owner could.
    await expect(
      runtime.query('alter table ledger_entry disable trigger ledger_entry_append_only'),
    ).rejects.toMatchObject({ code: '42501' });
    expect((await runtime.query('select count(*)::int as n from ledger_entry where sequence = 1')).rows[0].n).toBe(1);
  });

  it('the signer role reads the chain and adds checkpoints, and may change nothing else', async () => {
    const [head] = (await signer.query('select sequence, hash from ledger_head')).rows;
    expect(Number(head.sequence)).toBeGreaterThanOrEqual(samples.length);
    await expect(
      signer.query(`insert into ledger_entry (sequence, event_id, topic, event_type, aggregate_type, aggregate_id, occurred_at, recorded_at, canonical, prev_hash, hash)
      values (999999, gen_random_uuid(), 't', 'x', 'x', 'x', now(), now(), '{}', repeat('0', 64), repeat('0', 64))`),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(signer.query('update ledger_head set sequence = 0')).rejects.toMatchObject({ code: '42501' });
    await expect(signer.query('delete from ledger_checkpoint')).rejects.toMatchObject({ code: '42501' });
    // The runtime role reads checkpoints but cannot store one: only the signer does.
    await expect(
      runtime.query(
        `insert into ledger_checkpoint (sequence, hash, signed_at, signature, public_key_id) values (1, repeat('0', 64), now(), 'x', 'x')`,
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
