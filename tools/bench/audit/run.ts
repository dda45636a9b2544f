/**
 * audit-ledger benchmark (issue #7, Measure):
 *   node -r ./tools/runtime/register.js tools/bench/audit/run.ts [events=1000000]
 * Loads N chained events straight into a scratch ledger (hashes computed), boots the real
 * service on it, then times: GET /api/audit/verify, GET /api/audit/replay streamed to nowhere,
 * and the projection rebuild check; next to the raw consume rate of the same events (their
 * canonical JSON, one message each) from Kafka, with Kafka's ConsumerPerformance and kcat.
 * Then a second ledger holding ONE referral's 100,000 events (issue 15): its whole timeline paged
 * through GET /api/audit/referrals/{id}/timeline (500 a page, the API's cursor), with the time
 * per page and the service's peak RSS — bounded memory means the peak does not grow with it.
 * Targets: verify ≥ 200,000 events/s; replay ≥ 0.3× raw consume; rebuild of 1M < 60 s.
 *   --only=verify,timeline   run only those parts (verify | replay | rebuild | raw | timeline)
 *   TIMELINE_EVENTS=100000   events of the long referral
 * The raw consume rates need kcat; without it that part says so and is skipped.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { AUDIT_DATABASE, rebuildReferralState, streamLedger } from '@rj/audit/data-access';
import { loadSyntheticLedger } from '@rj/audit/data-access/testing';
import { DEV_JWT_SECRET, mintToken } from '@rj/shared/auth';
import { createScratchDatabase, createTestTopics, eventually, spawnTs, testBrokers } from '@rj/shared/testing';
import { rawConsumeRates } from './raw-consume';
import { loadLongTimeline } from './timeline-ledger';

const positional = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const runs = (part: string) => !only || only.includes(part);
const count = Number(positional[0] ?? 1_000_000);
const timelineEvents = Number(process.env.TIMELINE_EVENTS ?? 100_000);
/** The timeline's service runs with this V8 old space (MB): less than 100,000 events' worth. */
const OLD_SPACE_MB = 160;

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, 'utf8') : '';
  return Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024);
}

function hasKcat(): boolean {
  return spawnSync('sh', ['-c', 'command -v kcat'], { encoding: 'utf8' }).status === 0;
}
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en');
const line = (label: string, n: number, ms: number) =>
  console.log(
    `${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${fmt(perSecond(n, ms)).padStart(10)} events/s`,
  );

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function ledgerBench(): Promise<void> {
  // Topics first: with Kafka down the bench stops before it has made a database to leave behind.
  const topics = await createTestTopics();
  const database = await createScratchDatabase('audit_bench', {
    migrations: AUDIT_DATABASE.migrations,
    entities: AUDIT_DATABASE.entities,
  }).catch(async (error: unknown) => {
    await topics.delete();
    throw error;
  });
  const file = path.join(tmpdir(), `audit-bench-${process.pid}.ndjson`);
  const port = 3900 + (process.pid % 90);
  let app: ReturnType<typeof spawnTs> | undefined;
  try {
    console.log(`audit-ledger bench: ${fmt(count)} events`);
    const load = await timed(() =>
      loadSyntheticLedger(database.dataSource, count, (n) => process.stderr.write(`\rloading ${fmt(n)}`)),
    );
    process.stderr.write('\n');
    line('load (hash + bulk insert)', count, load.ms);
    await database.dataSource.query('vacuum analyze ledger_entry');

    // The real service, as its own process, on the loaded database.
    app = spawnTs('apps/audit-ledger/src/main.ts', {
      DATABASE_URL: database.url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      KAFKA_TOPIC_PREFIX: topics.prefix,
      AUDIT_CHECKPOINT_INTERVAL_MS: '0',
    });
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      () =>
        fetch(`${url}/health/live`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      'audit-ledger to start',
    );
    const auth = {
      authorization: `Bearer ${mintToken({ sub: 'bench-auditor', role: 'auditor', org: null, name: 'Bench' }, DEV_JWT_SECRET)}`,
    };
    const verify = await timed(
      async () =>
        (await (await fetch(`${url}/api/audit/verify`, { headers: auth })).json()) as { ok: boolean; checked: number },
    );
    if (!verify.value.ok || verify.value.checked < count)
      throw new Error(`verify failed: ${JSON.stringify(verify.value)}`);
    line('verify (GET /api/audit/verify)', count, verify.ms);
    const verifyRate = perSecond(count, verify.ms);
    console.log(
      `verify: ${fmt(verifyRate)} events/s (target ≥ 200,000) ${verifyRate >= 200_000 ? 'OK' : 'MISSED'}; the machine's load average at the end: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`,
    );
    if (!runs('replay') && !runs('rebuild') && !runs('raw')) return;

    const replay = await timed(async () => {
      const response = await fetch(`${url}/api/audit/replay`, { headers: auth });
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return bytes;
    });
    line(`replay to /dev/null (${(replay.value / 2 ** 20).toFixed(0)} MB)`, count, replay.ms);

    const rebuild = await timed(() => rebuildReferralState(database.dataSource));
    if (!rebuild.value.equal) throw new Error(`rebuild differs: ${JSON.stringify(rebuild.value)}`);
    line(`rebuild check (${fmt(rebuild.value.referrals)} referrals)`, count, rebuild.ms);

    // The same events for Kafka: each entry's canonical JSON, one message per line.
    const out = createWriteStream(file);
    for await (const rows of streamLedger<{ canonical: string }>(
      database.dataSource,
      {},
      { columns: 'canonical', batchSize: 5000 },
    )) {
      if (!out.write(`${rows.map((r) => r.canonical).join('\n')}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    if (!hasKcat()) {
      console.log('raw consume: skipped (kcat is not installed: apt-get install kcat)');
      console.log(
        `rebuild: ${(rebuild.ms / 1000).toFixed(1)} s for ${fmt(count)} events (target < 60 s at 1M) ${count < 1_000_000 || rebuild.ms < 60_000 ? 'OK' : 'MISSED'}`,
      );
      return;
    }
    const raw = await rawConsumeRates(testBrokers(), file, count);
    for (const figure of raw)
      console.log(
        `${figure.label.padEnd(34)} ${figure.seconds.toFixed(2).padStart(7)} s  ${fmt(Math.round(figure.eventsPerSecond)).padStart(10)} events/s`,
      );

    const best = Math.max(...raw.map((r) => r.eventsPerSecond));
    const replayRate = perSecond(count, replay.ms);
    console.log('');
    console.log(
      `replay / raw consume (fastest raw): ${(replayRate / best).toFixed(2)}× (target ≥ 0.3×) ${replayRate / best >= 0.3 ? 'OK' : 'MISSED'}`,
    );
    for (const figure of raw)
      console.log(`  replay / ${figure.label}: ${(replayRate / figure.eventsPerSecond).toFixed(2)}×`);
    console.log(
      `rebuild: ${(rebuild.ms / 1000).toFixed(1)} s for ${fmt(count)} events (target < 60 s at 1M) ${count < 1_000_000 || rebuild.ms < 60_000 ? 'OK' : 'MISSED'}`,
    );
  } finally {
    await rm(file, { force: true });
    if (app) {
      app.kill('SIGTERM');
      await app.exited;
    }
    await database.drop();
    await topics.delete();
  }
}

/** One referral with `timelineEvents` events: its timeline paged through to the end, time per page and peak RSS. */
async function timelineBench(): Promise<void> {
  // Topics first: with Kafka down the bench stops before it has made a database to leave behind.
  const topics = await createTestTopics();
  const database = await createScratchDatabase('audit_bench_timeline', {
    migrations: AUDIT_DATABASE.migrations,
    entities: AUDIT_DATABASE.entities,
  }).catch(async (error: unknown) => {
    await topics.delete();
    throw error;
  });
  const port = 3800 + (process.pid % 90);
  let app: ReturnType<typeof spawnTs> | undefined;
  try {
    console.log(`\ntimeline: one referral with ${fmt(timelineEvents)} events`);
    const load = await timed(() => loadLongTimeline(database.dataSource, timelineEvents));
    line('load (hash + bulk insert)', timelineEvents, load.ms);
    await database.dataSource.query('vacuum analyze ledger_entry');
    // A small old space: V8 otherwise lets garbage pile up for a long while, so the peak RSS
    // climbs whether or not anything is kept. Capped, a service that kept the events it served
    // would fail part-way; one that keeps a page at a time levels off.
    app = spawnTs('apps/audit-ledger/src/main.ts', {
      DATABASE_URL: database.url,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      KAFKA_TOPIC_PREFIX: topics.prefix,
      AUDIT_CHECKPOINT_INTERVAL_MS: '0',
      NODE_OPTIONS: `--max-old-space-size=${OLD_SPACE_MB}`,
    });
    const url = `http://127.0.0.1:${port}`;
    await eventually(
      () =>
        fetch(`${url}/health/live`).then(
          (r) => r.ok,
          () => false,
        ),
      60_000,
      'audit-ledger to start',
    );
    const auth = {
      authorization: `Bearer ${mintToken({ sub: 'bench-auditor', role: 'auditor', org: null, name: 'Bench' }, DEV_JWT_SECRET)}`,
    };
    const referralId = (await database.dataSource.query('select referral_id from ledger_entry limit 1'))[0]
      .referral_id as string;
    const rssAtStart = peakRssMb(app.child.pid);
    const pageMs: number[] = [];
    const peaks: number[] = [];
    let seen = 0;
    let previous = '';
    let cursor: number | null = null;
    const all = await timed(async () => {
      do {
        const started = performance.now();
        const response = await fetch(
          `${url}/api/audit/referrals/${referralId}/timeline?limit=500${cursor === null ? '' : `&cursor=${cursor}`}`,
          { headers: auth },
        );
        const page = (await response.json()) as {
          items: { sequence: number; occurredAt: string }[];
          nextCursor: number | null;
        };
        pageMs.push(performance.now() - started);
        if (!response.ok) throw new Error(`timeline page failed: ${response.status}`);
        for (const item of page.items) {
          if (item.occurredAt < previous) throw new Error('timeline out of order');
          previous = item.occurredAt;
        }
        seen += page.items.length;
        cursor = page.nextCursor;
        // The peak so far at each tenth of the timeline: bounded memory means it levels off, not climbs with the events read.
        if (Math.floor((seen * 10) / timelineEvents) > peaks.length) peaks.push(peakRssMb(app?.child.pid));
      } while (cursor !== null);
    });
    if (seen !== timelineEvents) throw new Error(`timeline returned ${seen} events, not ${timelineEvents}`);
    const sorted = [...pageMs].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1);
    line(`timeline paged (${pageMs.length} pages of 500)`, timelineEvents, all.ms);
    console.log(`timeline page: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`);
    console.log(
      `audit-ledger (V8 old space capped at ${OLD_SPACE_MB} MB) peak RSS: ${rssAtStart} MB after start; after each tenth of the ${fmt(seen)} events: ${peaks.join(', ')} MB`,
    );
  } finally {
    if (app) {
      app.kill('SIGTERM');
      await app.exited;
    }
    await database.drop();
    await topics.delete();
  }
}

async function main(): Promise<void> {
  if (runs('verify') || runs('replay') || runs('rebuild') || runs('raw')) await ledgerBench();
  if (runs('timeline')) await timelineBench();
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
