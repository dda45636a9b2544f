/**
 * Bulk import benchmark (issue 21: 5,000 rows in under 30 s). Starts a real referral-intake
 * process (JWT auth, Postgres on a scratch database, Kafka relay: as in production), registers
 * an office, then POSTs one CSV of distinct, valid referrals to /api/referrals/imports and
 * times the answer: every row validated, created, its events in the outbox, committed. Then
 * uploads the same file again (every row found by its case number's blind index, nothing
 * created). Prints both times, the CPU the service and Postgres spent (on a busy machine the
 * wall time is mostly waiting for a core), and whether the first upload met the goal.
 *
 *   npm run bench:import [-- --rows 5000]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { DEV_JWT_SECRET, mintToken } from '@rj/shared/auth';
import { createScratchDatabase, createTestTopics } from '@rj/shared/testing';
import { referralCsv } from './referral-csv';

const ROOT = path.resolve(__dirname, '../../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
const ROWS = Number(option('rows', '5000'));
const GOAL_SECONDS = 30;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`referral-intake exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('referral-intake did not become ready within 120 s');
}

/** User + system seconds of each process so far (/proc, USER_HZ 100); a process gone is left out. */
function cpuOf(pids: number[]): Map<number, number> {
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      seconds.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // exited
    }
  }
  return seconds;
}

/** CPU spent since `before` by the processes alive at both ends (Postgres backends come and go). */
function cpuSince(before: Map<number, number>): number {
  let total = 0;
  for (const [pid, seconds] of cpuOf([...before.keys()])) total += seconds - (before.get(pid) ?? seconds);
  return total;
}

const postgresPids = () =>
  readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);

async function main(): Promise<void> {
  const database = await createScratchDatabase('bench_import', {
    migrations: REFERRAL_DATABASE.migrations,
    entities: REFERRAL_DATABASE.entities,
  });
  const topics = await createTestTopics();
  const [port, internalPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['-r', './tools/runtime/register.js', 'apps/referral-intake/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      INTERNAL_PORT: String(internalPort),
      DATABASE_URL: database.url,
      KAFKA_TOPIC_PREFIX: topics.prefix,
      JOBS_PREFIX: `rjbench-import-${process.pid}`,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitUntilReady(url, child);
    const admin = mintToken({ sub: 'bench-admin', role: 'admin', org: null, name: 'Bench' }, DEV_JWT_SECRET);
    const office = (await (
      await fetch(`${url}/api/offices`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Bench office',
          jurisdictions: ['NL-NH'],
          contact: { email: 'bench@rj.example' },
        }),
      })
    ).json()) as { id: string };
    const prosecutor = mintToken(
      { sub: 'bench-prosecutor', role: 'prosecutor', org: office.id, name: 'Bench', expiresIn: '2h' },
      DEV_JWT_SECRET,
    );
    const csv = referralCsv(ROWS, 'NL-NH');

    const upload = async () => {
      const before = {
        service: cpuOf([child.pid as number]),
        postgres: cpuOf(postgresPids()),
        at: process.hrtime.bigint(),
      };
      const response = await fetch(`${url}/api/referrals/imports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${prosecutor}`, 'content-type': 'text/csv' },
        body: csv,
      });
      const report = (await response.json()) as {
        created: number;
        alreadyImported: number;
        invalid: number;
        errors: unknown[];
      };
      const seconds = Number(process.hrtime.bigint() - before.at) / 1e9;
      if (response.status !== 200)
        throw new Error(`import answered ${response.status}: ${JSON.stringify(report).slice(0, 500)}`);
      return { seconds, report, serviceCpu: cpuSince(before.service), postgresCpu: cpuSince(before.postgres) };
    };
    const line = (name: string, run: Awaited<ReturnType<typeof upload>>) =>
      `[bench:import] ${name}: ${run.seconds.toFixed(2)} s (${Math.round(ROWS / run.seconds)} rows/s); created ${run.report.created}, already imported ${run.report.alreadyImported}, invalid ${run.report.invalid}; CPU: service ${run.serviceCpu.toFixed(2)} s, postgres (every backend, other work included) ${run.postgresCpu.toFixed(2)} s`;

    const first = await upload();
    const again = await upload();
    const [stored] = await database.dataSource.query('select count(*)::int as n from referral where office_id = $1', [
      office.id,
    ]);
    console.log(
      `[bench:import] ${cpus().length} cpus, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; one file of ${ROWS} rows, ${(Buffer.byteLength(csv) / 1024 / 1024).toFixed(1)} MB`,
    );
    console.log(line('first upload ', first));
    console.log(line('second upload', again));
    console.log(`[bench:import] referrals of the office stored: ${stored.n}`);
    console.log(
      `[bench:import] goal ${ROWS} rows under ${GOAL_SECONDS} s: ${first.seconds < GOAL_SECONDS ? 'met' : 'NOT met'}`,
    );
    if (first.report.created !== ROWS || again.report.created !== 0 || stored.n !== ROWS) {
      console.error(`[bench:import] wrong counts: ${JSON.stringify(first.report.errors.slice(0, 5))}`);
      process.exitCode = 1;
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    await database.drop();
    await topics.delete();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: Error) => {
    console.error(
      `[bench:import] failed: ${error.stack}${error.cause ? `\ncaused by: ${String((error.cause as Error).stack ?? error.cause)}` : ''}`,
    );
    process.exit(1);
  },
);
