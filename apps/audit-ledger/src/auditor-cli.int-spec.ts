import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import { publicKeyBase64, parseCheckpointPrivateKey, DEV_CHECKPOINT_KEY } from '@rj/audit/domain';
import { startTestService, type TestService } from '@rj/shared/testing';
import { appModule } from './app.module';
import { AuditLedgerEnv } from './audit-ledger.env';
import { tamperAsOwner } from './test/ledger-harness';

const ROOT = path.resolve(__dirname, '../../..');
const COUNT = 3000;

// The CLI (tools/auditor) run as a real process against a real service: what an auditor does.
describe('auditor CLI', () => {
  let service: TestService<AuditLedgerEnv>;
  const dir = mkdtempSync(path.join(tmpdir(), 'auditor-'));
  const publicKey = publicKeyBase64(parseCheckpointPrivateKey(DEV_CHECKPOINT_KEY));

  const run = (...args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['-r', path.join(ROOT, 'tools/runtime/register.js'), path.join(ROOT, 'tools/auditor/auditor.ts'), ...args],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            AUDIT_LEDGER_URL: service.url,
            AUDITOR_TOKEN: service.token('auditor', null, 'cli-auditor'),
          },
          maxBuffer: 64 * 1024 * 1024,
        },
        (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    service = await startTestService({
      name: 'audit-ledger',
      Env: AuditLedgerEnv,
      appModule,
      database: AUDIT_DATABASE,
      env: { AUDIT_CHECKPOINT_INTERVAL_MS: '0' },
    });
    await loadSyntheticLedger(service.dataSource, COUNT);
  });

  afterAll(() => service?.close());

  it('verifies the chain by re-hashing the replay itself, with progress on stderr', async () => {
    const { code, stdout, stderr } = await run('verify');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ ok: true });
    expect(JSON.parse(stdout).checked).toBeGreaterThanOrEqual(COUNT);
    expect(stderr).toMatch(/verify: [\d,]+ events in/);
  });

  it('writes a replay to stdout as NDJSON, one event per line in ledger order', async () => {
    const { code, stdout } = await run('replay');
    expect(code).toBe(0);
    const sequences = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).sequence);
    expect(sequences.slice(0, COUNT)).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
  });

  it('prints a referral as it stood at a moment', async () => {
    const [{ referral_id }] = await service.dataSource.query(
      'select referral_id from ledger_entry where referral_id is not null order by sequence limit 1',
    );
    const { code, stdout } = await run('state', referral_id, '--at', '2025-03-03T09:05:30Z');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).state.referral.status).toBe('assigned');
  });

  it('proves a saved checkpoint, then catches the ledger cut short and a forged checkpoint', async () => {
    await service.request('POST', '/api/audit/checkpoints', { token: service.token('admin') });
    const fetched = await run('checkpoint', 'fetch');
    const file = path.join(dir, 'checkpoint.json');
    writeFileSync(file, fetched.stdout);
    expect((await run('checkpoint', 'verify', file, '--public-key', publicKey)).code).toBe(0);

    const forged = path.join(dir, 'forged.json');
    writeFileSync(forged, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), sequence: 10 }));
    const forgedRun = await run('checkpoint', 'verify', forged, '--public-key', publicKey);
    expect(forgedRun.code).toBe(1);
    expect(JSON.parse(forgedRun.stdout)).toMatchObject({ ok: false, signatureValid: false });

    const saved = JSON.parse(fetched.stdout);
    await tamperAsOwner(service.dataSource, async (m) => {
      await m.query('select 1 from ledger_head for update');
      await m.query('delete from ledger_entry where sequence > $1', [saved.sequence - 100]);
      await m.query(
        'update ledger_head set sequence = $1, hash = (select hash from ledger_entry where sequence = $1)',
        [saved.sequence - 100],
      );
    });
    const cut = await run('checkpoint', 'verify', file, '--public-key', publicKey);
    expect(cut.code).toBe(1);
    expect(JSON.parse(cut.stdout)).toMatchObject({ ok: false, signatureValid: true, truncated: true });
  });
});
