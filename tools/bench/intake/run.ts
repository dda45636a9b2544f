/**
 * Intake benchmark (issue #3, Measure): autocannon POSTs valid, distinct referrals to a real
 * referral-intake process (JWT auth on, Postgres, Kafka relay, everything as in production) at
 * concurrency 32 for 30 s; then pgbench runs the same INSERTs — the service's own statements,
 * with the values of a referral it stored — in one transaction each, at the same concurrency,
 * for as long, against the same database. Prints req/s, p50/p99 and the ratio of the two.
 *
 *   node -r ./tools/runtime/register.js tools/bench/intake/run.ts [--connections 32] [--seconds 30]
 *        [--log-level warn] [--pool 36] [--profile]    (--profile: the service's CPU profile, by package)
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { DEV_JWT_SECRET, mintToken } from '@rj/shared/auth';
import { createScratchDatabase, createTestTopics } from '@rj/shared/testing';
import { summariseCpuProfiles } from './cpu-profile';
import { pgbenchScript } from './pgbench-script';
import { referralBodyText } from './referral-bodies';

const ROOT = path.resolve(__dirname, '../../..');
const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
const CONNECTIONS = Number(option('connections', '32'));
const SECONDS = Number(option('seconds', '30'));
const LOG_LEVEL = option('log-level', 'warn');
const PROFILE = args.includes('--profile');
// As many connections as concurrent requests, like pgbench's clients: a smaller pool would
// queue requests for a connection and measure the pool, not the service.
const POOL = option('pool', String(CONNECTIONS + 4));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitUntilReady(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`referral-intake exited with ${child.exitCode}`);
    const ready = await fetch(`${url}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('referral-intake did not become ready within 60 s');
}

function cpuSeconds(pids: number[]): number {
  const tick = 100; // USER_HZ
  return pids.reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / tick;
    } catch {
      return sum;
    }
  }, 0);
}

function postgresPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

async function main(): Promise<void> {
  const database = await createScratchDatabase('bench_intake', {
    migrations: REFERRAL_DATABASE.migrations,
    entities: REFERRAL_DATABASE.entities,
  });
  const topics = await createTestTopics();
  const [port, internalPort] = [await freePort(), await freePort()];
  const profileDir = mkdtempSync(path.join(tmpdir(), 'intake-profile-'));
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = Date.now();
  const child = spawn(
    process.execPath,
    [
      ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      '-r',
      './tools/runtime/register.js',
      'apps/referral-intake/src/main.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'development',
        PORT: String(port),
        INTERNAL_PORT: String(internalPort),
        DATABASE_URL: database.url,
        KAFKA_TOPIC_PREFIX: topics.prefix,
        JOBS_PREFIX: `rjbench-${process.pid}`,
        LOG_LEVEL,
        DATABASE_POOL_SIZE: POOL,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  try {
    await waitUntilReady(url, child);
    const servicePid = child.pid as number;
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

    let n = 0;
    const cannon = (duration: number) =>
      autocannon({
        url,
        connections: CONNECTIONS,
        duration,
        headers: { authorization: `Bearer ${prosecutor}`, 'content-type': 'application/json' },
        requests: [
          {
            method: 'POST',
            path: '/api/referrals',
            setupRequest: (request) => ({ ...request, body: referralBodyText(n++, 'NL-NH') }),
          },
        ],
      });

    process.stderr.write(`[bench] warming up for 5 s\n`);
    await cannon(5);
    const pgPids = postgresPids();
    const before = { service: cpuSeconds([servicePid]), postgres: cpuSeconds(pgPids), wall: Date.now() };
    process.stderr.write(`[bench] autocannon: POST /api/referrals, ${CONNECTIONS} connections, ${SECONDS} s\n`);
    const http = await cannon(SECONDS);
    const measured = { fromMs: before.wall - spawnedAt, toMs: Date.now() - spawnedAt };
    const wall = (Date.now() - before.wall) / 1000;
    const cpu = {
      service: (cpuSeconds([servicePid]) - before.service) / wall,
      postgres: (cpuSeconds(pgPids) - before.postgres) / wall,
    };

    const [{ referrals }] = await database.dataSource.query('select count(*)::int as referrals from referral');
    const [{ id: sample }] = await database.dataSource.query('select id from referral order by id desc limit 1');
    const script = await pgbenchScript(database.dataSource, sample);
    const work = mkdtempSync(path.join(tmpdir(), 'intake-pgbench-'));
    writeFileSync(path.join(work, 'submission.sql'), script);
    // pgbench gets the machine to itself, as the service had (and its pool's connections back).
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));

    process.stderr.write(`[bench] pgbench: the same INSERTs, ${CONNECTIONS} clients, ${SECONDS} s\n`);
    const db = new URL(database.url);
    const pg = spawnSync(
      'pgbench',
      [
        '-h',
        db.hostname,
        '-p',
        db.port || '5432',
        '-U',
        decodeURIComponent(db.username || 'postgres'),
        '-n',
        '-M',
        'simple',
        '-c',
        String(CONNECTIONS),
        '-j',
        '2',
        '-T',
        String(SECONDS),
        '-f',
        path.join(work, 'submission.sql'),
        '-l',
        `--log-prefix=${path.join(work, 'tx')}`,
        db.pathname.slice(1),
      ],
      { cwd: work, encoding: 'utf8', env: { ...process.env, PGPASSWORD: decodeURIComponent(db.password) } },
    );
    if (pg.status !== 0) throw new Error(`pgbench failed:\n${pg.stderr}\n${pg.stdout}`);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(pg.stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(pg.stdout)?.[1] ?? 0);
    const latencies = readdirSync(work)
      .filter((name) => name.startsWith('tx.'))
      .flatMap((name) => readFileSync(path.join(work, name), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);

    const ok = http['2xx'];
    const rps = ok / SECONDS;
    const rows = [
      ['', 'req or tx/s', 'p50 ms', 'p99 ms', 'errors'],
      [
        'HTTP POST /api/referrals',
        rps.toFixed(0),
        String(http.latency.p50),
        String(http.latency.p99),
        String(http.non2xx + http.errors + http.timeouts),
      ],
      [
        'pgbench, same INSERTs',
        tps.toFixed(0),
        percentile(latencies, 50).toFixed(1),
        percentile(latencies, 99).toFixed(1),
        String(failed),
      ],
    ];
    process.stdout.write(
      `\nreferral-intake submission benchmark (${CONNECTIONS} concurrent, ${SECONDS} s each, ${cpus().length} cores)\n`,
    );
    for (const row of rows)
      process.stdout.write(
        `  ${row[0].padEnd(26)}${row
          .slice(1)
          .map((c) => c.padStart(13))
          .join('')}\n`,
      );
    process.stdout.write(
      `  ratio HTTP / pgbench: ${(rps / tps).toFixed(2)} (target ≥ 0.5); HTTP p99 ${http.latency.p99} ms (target < 50 ms)\n`,
    );
    if (http.non2xx + http.errors + http.timeouts > 0) {
      // Which kind of error, so a failed request can be told from a slow one.
      const { statusCodeStats = {} } = http as { statusCodeStats?: Record<string, { count: number }> };
      const statuses = Object.entries(statusCodeStats)
        .filter(([code]) => !code.startsWith('2'))
        .map(([code, { count }]) => `${count} × ${code}`);
      process.stdout.write(
        `  HTTP errors: ${statuses.join(', ') || 'no non-2xx'}; ${http.errors} connection errors, ${http.timeouts} timeouts\n`,
      );
    }
    process.stdout.write(
      `  during the HTTP run: service ${cpu.service.toFixed(2)} cores (${((cpu.service * 1000) / rps).toFixed(1)} ms CPU per request), Postgres ${cpu.postgres.toFixed(2)} cores; ${referrals} referrals stored; machine load ${loadavg()[0].toFixed(1)}\n`,
    );

    if (PROFILE) {
      process.stdout.write(`\n  service CPU during the HTTP run, by owner (runtime time counted for its caller):\n`);
      for (const { owner, ms, share } of summariseCpuProfiles(profileDir, measured.fromMs, measured.toMs).slice(
        0,
        16,
      )) {
        process.stdout.write(
          `    ${owner.padEnd(40)}${(share * 100).toFixed(1).padStart(6)} %  ${(ms / 1000).toFixed(1).padStart(6)} s\n`,
        );
      }
    }
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await topics.delete();
    await database.drop();
  }
}

main().catch((error) => {
  process.stderr.write(`[bench] FAILED: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
