import { Client } from 'pg';
import { AUDIT_ROLES, LEDGER_APPEND_ONLY_TRIGGER } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import {
  checkpointKeyId,
  generateCheckpointKeyPair,
  publicKeyBase64,
  verifyCheckpointSignature,
  type SignedCheckpoint,
} from '@rj/audit/domain';
import { DEV_JWT_SECRET, mintServiceToken, mintToken } from '@rj/shared/auth';
import { createDataSource } from '@rj/shared/persistence';
import {
  eventually,
  freePort,
  httpRequest,
  spawnTs,
  startTestService,
  type SpawnedProcess,
  type TestService,
} from '@rj/shared/testing';
import { appModule } from '../app.module';
import { AuditLedgerEnv, DEV_CHECKPOINT_PUBLIC_KEY } from '../audit-ledger.env';
import { createOwnedLedgerDatabase } from '../test/ledger-harness';

/**
 * Issue 14, item 7: checkpoints are signed by a process of its own (signer-main.ts) holding the
 * private key; the API holds only the public key, asks the signer over its internal HTTP
 * endpoint with its service token, and still serves signed, verifiable checkpoints. Each on
 * its own database role, as deployed.
 */
describe('item 7: checkpoints signed in a separate process whose key the API never has', () => {
  const keys = generateCheckpointKeyPair();
  let database: Awaited<ReturnType<typeof createOwnedLedgerDatabase>>;
  let owner: Client;
  let signer: SpawnedProcess | undefined;
  let signerUrl: string;
  let ports: [number, number] | undefined;
  let service: TestService<AuditLedgerEnv>;
  const admin = () => service.token('admin', null, 'admin-1');
  const auditor = () => service.token('auditor', null, 'auditor-1');

  async function startSigner(): Promise<void> {
    // The same ports on a restart: the API keeps the signer's address.
    ports ??= [await freePort(), await freePort()];
    const [port, internalPort] = ports;
    signerUrl = `http://127.0.0.1:${port}`;
    signer = spawnTs('apps/audit-ledger/src/signer-main.ts', {
      NODE_ENV: 'test',
      PORT: String(port),
      INTERNAL_PORT: String(internalPort),
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.urlAs(AUDIT_ROLES.signer),
      AUDIT_CHECKPOINT_PRIVATE_KEY: keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    });
    await eventually(
      () =>
        fetch(`${signerUrl}/health/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      'the signer to be ready',
    );
  }

  async function stopSigner(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    signer?.kill(signal);
    await signer?.exited;
    signer = undefined;
  }

  const headSequence = async () => Number((await owner.query('select sequence from ledger_head')).rows[0].sequence);

  /** As the owner would (trigger lifted for one transaction): the entry's stored event text replaced. */
  async function rewriteEntry(sequence: number, canonical: string): Promise<void> {
    await owner.query('begin');
    try {
      await owner.query(`alter table ledger_entry disable trigger ${LEDGER_APPEND_ONLY_TRIGGER}`);
      await owner.query('update ledger_entry set canonical = $2 where sequence = $1', [sequence, canonical]);
      await owner.query(`alter table ledger_entry enable trigger ${LEDGER_APPEND_ONLY_TRIGGER}`);
      await owner.query('commit');
    } catch (error) {
      await owner.query('rollback');
      throw error;
    }
  }

  beforeAll(async () => {
    database = await createOwnedLedgerDatabase();
    owner = new Client({ connectionString: database.urlAs(AUDIT_ROLES.owner) });
    await owner.connect();
    const loader = createDataSource({ url: database.urlAs(AUDIT_ROLES.owner) });
    await loader.initialize();
    await loadSyntheticLedger(loader, 300);
    await loader.destroy();
    await startSigner();
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: { migrations: [], entities: [] },
      env: {
        DATABASE_URL: database.urlAs(AUDIT_ROLES.runtime),
        AUDIT_SIGNER_URL: signerUrl,
        AUDIT_CHECKPOINT_PUBLIC_KEY: publicKeyBase64(keys.publicKey),
        AUDIT_CHECKPOINT_INTERVAL_MS: '0',
      },
    });
  }, 120_000);

  afterAll(async () => {
    await service?.close();
    await stopSigner();
    await owner?.end();
    await database?.drop();
  });

  it("the API's environment has no private key: only the public key, which it publishes", () => {
    expect(Object.keys(service.config).filter((name) => /PRIVATE/.test(name))).toEqual([]);
    expect(service.config.AUDIT_CHECKPOINT_PUBLIC_KEY).not.toBe(DEV_CHECKPOINT_PUBLIC_KEY);
  });

  it("an admin's request is signed by the signer's key, stored, and verifies against the published public key", async () => {
    const signed = await service.request('POST', '/api/audit/checkpoints', { token: admin() });
    expect(signed.status).toBe(201);
    const checkpoint = signed.body as SignedCheckpoint;
    expect(checkpoint.sequence).toBeGreaterThanOrEqual(300);
    expect(checkpoint.publicKeyId).toBe(keys.publicKeyId);
    expect(verifyCheckpointSignature(checkpoint, keys.publicKey)).toBe(true);
    const published = await service.request('GET', '/api/audit/checkpoints/public-key', { token: auditor() });
    expect(published.body).toMatchObject({ publicKeyId: keys.publicKeyId, publicKey: publicKeyBase64(keys.publicKey) });
    const listed = await service.request('GET', '/api/audit/checkpoints', { token: auditor() });
    expect(listed.body.items[0]).toMatchObject({
      sequence: checkpoint.sequence,
      signatureValid: true,
      matchesLedger: true,
    });
    const check = await service.request('POST', '/api/audit/checkpoints/verify', {
      token: auditor(),
      body: checkpoint,
    });
    expect(check.body).toMatchObject({ ok: true, signatureValid: true, truncated: false, matches: true });
    const stored = (
      await owner.query('select public_key_id from ledger_checkpoint where sequence = $1', [checkpoint.sequence])
    ).rows[0];
    expect(stored.public_key_id).toBe(checkpointKeyId(keys.publicKey));
  });

  it('answers only audit-ledger: another service 403, a person 403, no token 401', async () => {
    const sign = (token?: string) => httpRequest(`${signerUrl}/internal/checkpoints`, 'POST', { token });
    expect((await sign(mintServiceToken('partner-matching', DEV_JWT_SECRET))).status).toBe(403);
    expect(
      (await sign(mintToken({ sub: 'admin-1', role: 'admin', org: null, name: 'Admin' }, DEV_JWT_SECRET))).status,
    ).toBe(403);
    expect((await sign()).status).toBe(401);
    expect((await sign(mintServiceToken('audit-ledger', DEV_JWT_SECRET))).status).toBe(201);
  });

  it('signs only a head that extends its last checkpoint: a rewritten entry since then is refused (409)', async () => {
    const last = (await service.request('POST', '/api/audit/checkpoints', { token: admin() })).body as SignedCheckpoint;
    // A read is recorded and appended: the head moves past the checkpoint.
    await service.request('GET', '/api/audit/checkpoints/latest', { token: auditor() });
    await eventually(async () => (await headSequence()) > last.sequence, 30_000, 'the head to move');
    const target = last.sequence + 1;
    const [{ canonical }] = (await owner.query('select canonical from ledger_entry where sequence = $1', [target]))
      .rows;
    // One byte more (still the same JSON): its hash no longer links.
    await rewriteEntry(target, `${canonical} `);
    try {
      const refused = await service.request('POST', '/api/audit/checkpoints', { token: admin() });
      expect(refused.status).toBe(409);
      expect(String(refused.body.detail)).toMatch(new RegExp(`sequence ${target}`));
      expect(Number((await owner.query('select max(sequence) as s from ledger_checkpoint')).rows[0].s)).toBe(
        last.sequence,
      );
    } finally {
      await rewriteEntry(target, canonical);
    }
    const again = await service.request('POST', '/api/audit/checkpoints', { token: admin() });
    expect(again.status).toBe(201);
    expect(again.body.sequence).toBeGreaterThan(last.sequence);
  });

  it('without the signer the API cannot sign (503), and checkpoints already signed still verify', async () => {
    const saved = (await service.request('GET', '/api/audit/checkpoints/latest', { token: auditor() }))
      .body as SignedCheckpoint;
    await stopSigner('SIGKILL'); // as if its node failed
    try {
      const refused = await service.request('POST', '/api/audit/checkpoints', { token: admin() });
      expect(refused.status).toBe(503);
      const check = await service.request('POST', '/api/audit/checkpoints/verify', { token: auditor(), body: saved });
      expect(check.body).toMatchObject({ ok: true, signatureValid: true });
    } finally {
      await startSigner();
    }
  });
});
