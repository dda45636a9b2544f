/**
 * /api/metrics at scale (issue 15): an office with 100,000 referrals (and their parties,
 * consents, offers, cases, agreements, terms and follow-ups) in a real outcome-tracking
 * process on Postgres; the office's prosecutor and an administrator ask for the figures
 * several times each, with and without a partner and a period filter (each changes the
 * statements). Prints each variant's p50/p95 answer time next to the goal (< 1 s) and the
 * ceiling measured in the same run: the same tallies read straight from Postgres. Also the
 * service's peak RSS.
 *
 *   node -r ./tools/runtime/register.js tools/bench/metrics/run.ts [--referrals 100000] [--repeat 10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import path from 'node:path';
import { OUTCOME_DATABASE, outcomeTallies } from '@rj/outcome/data-access';
import { DEV_JWT_SECRET, mintToken } from '@rj/shared/auth';
import { createScratchDatabase, createTestTopics } from '@rj/shared/testing';
import { percentile } from '../backbone/raw-kafka';
import { seededPartnerId, seedOutcomeHistory } from './seed';

const ROOT = path.resolve(__dirname, '../../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback;
const REFERRALS = option('referrals', 100_000);
const REPEAT = option('repeat', 10);
const GOAL_MS = 1000;
const OFFICE = '0190c0de-0000-7000-8000-000000000001';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (child.exitCode !== null) throw new Error(`outcome-tracking exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health/live`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
  }
  throw new Error('outcome-tracking did not start within 90 s');
}

const peakRssMb = (pid: number) =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
/** Nearest-rank percentile of unsorted values. */
const percentileOf = (values: number[], p: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    p,
  );
const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const PARTNER = seededPartnerId(1);
const PERIOD = { from: '2026-03-01', to: '2026-05-31' };

/** The callers and filters that change the statements: office scope, partner, period. */
const VARIANTS: { name: string; role: 'prosecutor' | 'admin'; filter: Record<string, string> }[] = [
  { name: "office's prosecutor", role: 'prosecutor', filter: {} },
  { name: "office's prosecutor, one quarter", role: 'prosecutor', filter: PERIOD },
  { name: 'admin', role: 'admin', filter: {} },
  { name: 'admin, one quarter', role: 'admin', filter: PERIOD },
  { name: 'admin, one partner', role: 'admin', filter: { partnerId: PARTNER } },
  { name: 'admin, one partner, one quarter', role: 'admin', filter: { partnerId: PARTNER, ...PERIOD } },
  { name: "office's prosecutor, one partner", role: 'prosecutor', filter: { partnerId: PARTNER } },
];

/** What Postgres alone needs to read the rows the figures come from (every table, whole scope). */
async function databaseOnlyMs(database: {
  dataSource: { query(sql: string, p?: unknown[]): Promise<unknown> };
}): Promise<number> {
  const scope = `referral_id in (select id from referral where office_id = $1)`;
  const statements = [
    'select * from referral where office_id = $1',
    ...['"case"', 'participant', 'consent', 'offer', 'follow_up', 'agreement'].map(
      (table) => `select * from ${table} where ${scope}`,
    ),
    `select * from term where agreement_id in (select id from agreement where ${scope})`,
  ];
  // One after the other on one connection: a busy machine's pool may not open eight at once.
  const started = Date.now();
  for (const sql of statements) await database.dataSource.query(sql, [OFFICE]);
  return Date.now() - started;
}

async function main(): Promise<void> {
  const database = await createScratchDatabase('bench_metrics', {
    migrations: OUTCOME_DATABASE.migrations,
    entities: OUTCOME_DATABASE.entities,
  });
  const topics = await createTestTopics();
  let child: ChildProcess | undefined;
  try {
    process.stderr.write(`[bench] seeding ${REFERRALS} referrals of one office\n`);
    await seedOutcomeHistory(database.dataSource, OFFICE, REFERRALS);
    const [port, internalPort] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${port}`;
    child = spawn(process.execPath, ['-r', './tools/runtime/register.js', 'apps/outcome-tracking/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        INTERNAL_PORT: String(internalPort),
        DATABASE_URL: database.url,
        KAFKA_TOPIC_PREFIX: topics.prefix,
        JOBS_PREFIX: `rjbench-metrics-${process.pid}`,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitUntilReady(url, child);
    const tokens = {
      prosecutor: mintToken(
        { sub: 'bench-prosecutor', role: 'prosecutor', org: OFFICE, name: 'Bench' },
        DEV_JWT_SECRET,
      ),
      admin: mintToken({ sub: 'bench-admin', role: 'admin', org: null, name: 'Bench' }, DEV_JWT_SECRET),
    };
    process.stdout.write(
      `\n/api/metrics over ${REFERRALS} referrals (${REPEAT} calls each after one warm-up; load ${loadAverage()})\n`,
    );
    let slowest = 0;
    for (const variant of VARIANTS) {
      const query = new URLSearchParams(variant.filter).toString();
      const times: number[] = [];
      let counted = 0;
      for (let i = 0; i <= REPEAT; i++) {
        const started = performance.now();
        const res = await fetch(`${url}/api/metrics${query ? `?${query}` : ''}`, {
          headers: { authorization: `Bearer ${tokens[variant.role]}` },
          signal: AbortSignal.timeout(300_000),
        });
        const body = (await res.json()) as { figures?: { referralsBySource?: Record<string, { value?: number }> } };
        if (i > 0) times.push(performance.now() - started);
        if (res.status !== 200) throw new Error(`/api/metrics answered ${res.status}: ${JSON.stringify(body)}`);
        counted = Object.values(body.figures?.referralsBySource ?? {}).reduce(
          (sum, figure) => sum + (figure.value ?? 0),
          0,
        );
      }
      // The ceiling: the same tallies read straight from Postgres, without the service around them.
      const direct: number[] = [];
      for (let i = 0; i < REPEAT; i++) {
        const started = performance.now();
        await outcomeTallies(database.dataSource, variant.filter, variant.role === 'prosecutor' ? OFFICE : null);
        direct.push(performance.now() - started);
      }
      slowest = Math.max(slowest, percentileOf(times, 95));
      process.stdout.write(
        `  ${variant.name.padEnd(34)} p50 ${ms(percentileOf(times, 50))} p95 ${ms(percentileOf(times, 95))}` +
          `   (Postgres alone p50 ${ms(percentileOf(direct, 50))})   ${String(counted).padStart(6)} referrals counted\n`,
      );
    }
    process.stdout.write(
      `  goal p95 < ${GOAL_MS} ms for every variant: ${slowest < GOAL_MS ? 'met' : 'NOT met'} (slowest p95 ${ms(slowest)}; load ${loadAverage()})\n`,
    );
    const everyRow = await databaseOnlyMs(database).catch((error: Error) => `not measured (${error.message})`);
    process.stdout.write(`  for scale: reading every row of the office's history takes Postgres ${everyRow} ms\n`);
    process.stdout.write(
      `  peak RSS outcome-tracking ${peakRssMb(child.pid as number).toFixed(0)} MB (goal < 200 MB)\n`,
    );
  } finally {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child?.once('exit', resolve));
    }
    await topics.delete();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`[bench] FAILED: ${error.stack ?? error.message}\n`);
    process.exit(1);
  },
);
