/**
 * audit-ledger benchmark (issue #7, Measure):
 *   node -r ./tools/runtime/register.js tools/bench/audit/run.ts [events=1000000]
 * Loads N chained events straight into a scratch ledger (hashes computed), boots the real
 * service on it, then times: GET /api/audit/verify, GET /api/audit/replay streamed to nowhere,
 * and the projection rebuild check; next to the raw consume rate of the same events (their
 * canonical JSON, one message each) from Kafka, with Kafka's ConsumerPerformance and kcat.
 * Targets: verify ≥ 200,000 events/s; replay ≥ 0.3× raw consume; rebuild of 1M < 60 s.
 */
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { AUDIT_DATABASE, loadSyntheticLedger, rebuildReferralState, streamLedger } from '@rj/audit/data-access';
import { DEV_JWT_SECRET, mintToken } from '@rj/shared/auth';
import { createScratchDatabase, createTestTopics, eventually, spawnTs, testBrokers } from '@rj/shared/testing';
import { rawConsumeRates } from './raw-consume';

const count = Number(process.argv[2] ?? 1_000_000);
const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));
const fmt = (n: number) => n.toLocaleString('en');
const line = (label: string, n: number, ms: number) => console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${fmt(perSecond(n, ms)).padStart(10)} events/s`);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function main(): Promise<void> {
  const database = await createScratchDatabase('audit_bench', { migrations: AUDIT_DATABASE.migrations, entities: AUDIT_DATABASE.entities });
  const topics = await createTestTopics();
  const file = path.join(tmpdir(), `audit-bench-${process.pid}.ndjson`);
  const port = 3900 + (process.pid % 90);
  let app: ReturnType<typeof spawnTs> | undefined;
  try {
    console.log(`audit-ledger bench: ${fmt(count)} events`);
    const load = await timed(() => loadSyntheticLedger(database.dataSource, count, (n) => process.stderr.write(`\rloading ${fmt(n)}`)));
    process.stderr.write('\n');
    line('load (hash + bulk insert)', count, load.ms);
    await database.dataSource.query('vacuum analyze ledger_entry');

    // The real service, as its own process, on the loaded database.
    app = spawnTs('apps/audit-ledger/src/main.ts', { DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'warn', KAFKA_TOPIC_PREFIX: topics.prefix, AUDIT_CHECKPOINT_INTERVAL_MS: '0' });
    const url = `http://127.0.0.1:${port}`;
    await eventually(() => fetch(`${url}/health/live`).then((r) => r.ok, () => false), 60_000, 'audit-ledger to start');
    const auth = { authorization: `Bearer ${mintToken({ sub: 'bench-auditor', role: 'auditor', org: null, name: 'Bench' }, DEV_JWT_SECRET)}` };
    const verify = await timed(async () => (await (await fetch(`${url}/api/audit/verify`, { headers: auth })).json()) as { ok: boolean; checked: number });
    if (!verify.value.ok || verify.value.checked < count) throw new Error(`verify failed: ${JSON.stringify(verify.value)}`);
    line('verify (GET /api/audit/verify)', count, verify.ms);

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
    for await (const rows of streamLedger<{ canonical: string }>(database.dataSource, {}, { columns: 'canonical', batchSize: 5000 })) {
      if (!out.write(`${rows.map((r) => r.canonical).join('\n')}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    const raw = await rawConsumeRates(testBrokers(), file, count);
    for (const figure of raw) console.log(`${figure.label.padEnd(34)} ${(figure.seconds).toFixed(2).padStart(7)} s  ${fmt(Math.round(figure.eventsPerSecond)).padStart(10)} events/s`);

    const best = Math.max(...raw.map((r) => r.eventsPerSecond));
    const replayRate = perSecond(count, replay.ms);
    console.log('');
    console.log(`verify: ${fmt(perSecond(count, verify.ms))} events/s (target ≥ 200,000) ${perSecond(count, verify.ms) >= 200_000 ? 'OK' : 'MISSED'}`);
    console.log(`replay / raw consume (fastest raw): ${(replayRate / best).toFixed(2)}× (target ≥ 0.3×) ${replayRate / best >= 0.3 ? 'OK' : 'MISSED'}`);
    for (const figure of raw) console.log(`  replay / ${figure.label}: ${(replayRate / figure.eventsPerSecond).toFixed(2)}×`);
    console.log(`rebuild: ${(rebuild.ms / 1000).toFixed(1)} s for ${fmt(count)} events (target < 60 s at 1M) ${count < 1_000_000 || rebuild.ms < 60_000 ? 'OK' : 'MISSED'}`);
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

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
