/**
 * The auditor CLI as a real process against a real audit-ledger (scratch database, synthetic
 * ledger): help and refusals without a token, the timeline, the event search, and exports
 * streamed to a file — with the live progress line on a terminal only.
 */
import { execFile } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import { startTestService, type TestService } from '@rj/shared/testing';
// The real service, started in-process by the shared harness as its own tests do (tools/contracts does the same).
/* eslint-disable @nx/enforce-module-boundaries */
import { appModule } from '../../apps/audit-ledger/src/app.module';
import { AuditLedgerEnv } from '../../apps/audit-ledger/src/audit-ledger.env';

const ROOT = path.resolve(__dirname, '../..');
const CLI = ['-r', path.join(ROOT, 'tools/runtime/register.js'), path.join(ROOT, 'tools/auditor/auditor.ts')];
const COUNT = 1500;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

describe('auditor CLI: timeline, events and export', () => {
  let service: TestService<AuditLedgerEnv>;
  let referralId = '';
  let referralEvents: { sequence: string; event_type: string }[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'auditor-export-'));
  const env = () => ({
    ...process.env,
    AUDIT_LEDGER_URL: service.url,
    AUDITOR_TOKEN: service.token('auditor', null, 'cli-auditor'),
  });

  /** The CLI with stdout to a string, or to a file (`> file`), never through the shell. */
  const run = (args: string[], options: { env?: NodeJS.ProcessEnv; stdoutFile?: string } = {}) =>
    new Promise<Run>((resolve) => {
      const child = execFile(
        process.execPath,
        [...CLI, ...args],
        { cwd: ROOT, env: options.env ?? env(), maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
      );
      if (options.stdoutFile) {
        const fd = openSync(options.stdoutFile, 'w');
        child.stdout?.on('data', (chunk: Buffer) => writeSync(fd, chunk));
        child.on('close', () => closeSync(fd));
      }
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
    [{ referral_id: referralId }] = await service.dataSource.query(
      'select referral_id from ledger_entry where referral_id is not null order by sequence limit 1',
    );
    referralEvents = await service.dataSource.query(
      'select sequence, event_type from ledger_entry where referral_id = $1 order by occurred_at, sequence',
      [referralId],
    );
  });

  afterAll(() => service?.close());

  const ledgerHead = async () =>
    (await service.dataSource.query('select max(sequence)::int as head from ledger_entry'))[0].head as number;

  it('shows its help without a token, and refuses an unknown flag in one line with exit 2', async () => {
    const noToken = { ...process.env, AUDITOR_TOKEN: '', AUDIT_LEDGER_URL: 'http://127.0.0.1:9' };
    const help = await run(['--help'], { env: noToken });
    expect(help.code).toBe(0);
    for (const command of ['timeline <referralId>', 'events [--type', 'export --format csv|ndjson', 'verify'])
      expect(help.stdout).toContain(command);

    const typo = await run(['export', '--format', 'csv', '--referal', referralId], { env: noToken });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe(
      'auditor: unknown option --referal for export; usage: auditor export --format csv|ndjson [filters] > file\n',
    );
    expect(typo.stdout).toBe('');

    const noTokenRun = await run(['events'], { env: noToken });
    expect(noTokenRun.code).toBe(2);
    expect(noTokenRun.stderr).toContain('an auditor token is needed');
  });

  it('prints a referral’s timeline in the order things happened, readable or as NDJSON', async () => {
    const readable = await run(['timeline', referralId]);
    expect(readable.code).toBe(0);
    const lines = readable.stdout.trim().split('\n');
    expect(lines).toHaveLength(referralEvents.length);
    expect(lines.map((line) => line.split(/\s+/)[1])).toEqual(referralEvents.map((row) => row.event_type));

    const json = await run(['timeline', referralId, '--json']);
    expect(
      json.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).sequence),
    ).toEqual(referralEvents.map((row) => Number(row.sequence)));
  });

  it('finds events by type and referral across pages, and stops at --max', async () => {
    const type = referralEvents[0].event_type;
    const [{ count }] = await service.dataSource.query(
      'select count(*)::int as count from ledger_entry where event_type = $1',
      [type],
    );
    const byType = await run(['events', '--type', type, '--json']);
    expect(byType.code).toBe(0);
    const items = byType.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(items).toHaveLength(count);
    expect(items.every((item) => item.eventType === type)).toBe(true);

    // The whole ledger is more than one page (1,000 a page): the CLI follows the cursor.
    const all = await run(['events', '--json']);
    const sequences = all.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).sequence);
    expect(sequences.length).toBeGreaterThan(COUNT);
    expect(sequences).toEqual(Array.from({ length: sequences.length }, (_, i) => i + 1));

    const capped = await run(['events', '--referral', referralId, '--max', '3', '--json']);
    expect(
      capped.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).referralId),
    ).toEqual([referralId, referralId, referralId]);
    expect(capped.stderr).toContain('--max 3; there may be more');
  });

  it('streams a CSV export of the whole ledger to a file, with only the summary on a non-terminal stderr', async () => {
    const file = path.join(dir, 'ledger.csv');
    const headBefore = await ledgerHead();
    const result = await run(['export', '--format', 'csv'], { stdoutFile: file });
    expect(result.code).toBe(0);
    const records = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
    expect(records[0]).toMatch(/^sequence,/);
    // Every read is itself recorded in the ledger (a moment later), so it grows past the
    // synthetic part as the tests run: the export holds at least what was there before it.
    const exported = records.length - 1;
    expect(headBefore).toBeGreaterThan(COUNT);
    expect(exported).toBeGreaterThanOrEqual(headBefore);
    expect(records.slice(1).map((record) => Number(record.split(',')[0]))).toEqual(
      Array.from({ length: exported }, (_, i) => i + 1),
    );
    expect(result.stderr).toMatch(
      new RegExp(`^export: ${exported.toLocaleString('en')} events in [\\d.]+ s \\([\\d,]+/s\\)\\n$`),
    );
    expect(result.stderr).not.toMatch(/%|\r/);
  });

  it('exports one referral as NDJSON, every line the ledger entry as stored', async () => {
    const file = path.join(dir, 'referral.ndjson');
    const result = await run(['export', '--format', 'ndjson', '--referral', referralId], { stdoutFile: file });
    expect(result.code).toBe(0);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.sequence).sort((a, b) => a - b)).toEqual(
      referralEvents.map((row) => Number(row.sequence)).sort((a, b) => a - b),
    );
    expect(lines.every((line) => line.event.referralId === referralId)).toBe(true);
  });

  it('refuses an export without a format', async () => {
    const result = await run(['export']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('auditor: usage: auditor export --format csv|ndjson [filters] > file\n');
  });

  it('draws percentage and time left when stderr is a terminal', async () => {
    await service.request('POST', '/api/audit/checkpoints', { token: service.token('admin') });
    const file = path.join(dir, 'tty.csv');
    const headBefore = await ledgerHead();
    // `script` gives the CLI a pseudo-terminal; stdout still goes to the file.
    const command = [process.execPath, ...CLI, 'export', '--format', 'csv'].map((arg) => `'${arg}'`).join(' ');
    const result = await new Promise<Run>((resolve) =>
      execFile(
        'script',
        ['-qec', `${command} > '${file}'`, '/dev/null'],
        { cwd: ROOT, env: env() },
        (error, stdout, stderr) => resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr }),
      ),
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/export: [\d,]+ events · \d+% · about [\w ]+ left/);
    const exported = readFileSync(file, 'utf8').split('\r\n').filter(Boolean).length - 1;
    expect(exported).toBeGreaterThanOrEqual(headBefore);
    expect(result.stdout).toContain(`export: ${exported.toLocaleString('en')} events in`);
  });
});
