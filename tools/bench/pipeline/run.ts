/**
 * The pipeline's speed (issue 8, Measure): at a steady 100 referrals/s for 60 s, how long from
 * POST /api/referrals returning to the offer being visible at GET /api/offers — intake's
 * outbox → Kafka → matching's consumer → ranking → offer row — and each service's peak RSS.
 * Targets: p99 < 100 ms; every service < 200 MB. It prints figures; it is not a test.
 *
 *   node -r ./tools/runtime/register.js tools/bench/pipeline/run.ts [--rate 100] [--seconds 60]
 *
 * Runs the five services as real processes (tools/e2e/platform.ts) on the machine's Kafka
 * and Redis under a topic prefix and job prefixes of its own.
 */
import fs from 'node:fs';
import { createTestTopics } from '@rj/shared/testing';
import { SERVICE_NAMES, startPlatform } from '../../e2e/platform';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('rate', 100);
const SECONDS = arg('seconds', 60);
const say = (line: string) => process.stderr.write(`[pipeline] ${line}\n`);
type OfferPage = { items: { referralId: string }[]; nextCursor: string | null };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Peak resident set size of a process so far (the kernel's high-water mark), in MB. */
function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU seconds a process has used (user + system), to see which service is the bottleneck. */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

function referralBody(n: number) {
  const party = (role: string) => ({ role, fullName: `${role} ${n}`, minor: false, contact: { email: `${role}.${n}@bench.example`, safeChannels: ['email'] }, preferredLanguage: 'nl', interpreter: false });
  return {
    source: 'prosecutor', caseNumber: `BENCH-${n}`, jurisdiction: 'NL-NH', offense: { code: 'SR-310', category: 'theft', severity: 'misdemeanor' },
    incidentDate: '2025-01-15', stage: 'pre_trial', protectiveOrder: false, reportBackBy: '2099-09-30', parties: [party('harmed'), party('responsible')],
  };
}

/**
 * Where the time goes, from the services' own rows: intake's outbox (written → published),
 * Kafka and matching's consumer (published → applied, matching's inbox), matching's work
 * (applied → offer made). Timestamps of one machine's clock, so they subtract.
 */
async function hops(platform: Awaited<ReturnType<typeof startPlatform>>) {
  const outbox: { event_id: string; referral: string; created: Date; sent: Date }[] = await platform.databases['referral-intake'].dataSource.query(
    `select event_id, payload->>'referralId' as referral, created_at as created, sent_at as sent from outbox where event_type = 'referral.screened'`,
  );
  const inbox = new Map<string, Date>(
    (await platform.databases['partner-matching'].dataSource.query(`select event_id, processed_at from inbox where event_type = 'referral.screened'`)).map((r: { event_id: string; processed_at: Date }) => [r.event_id, r.processed_at]),
  );
  const offers = new Map<string, Date>(
    (await platform.databases['partner-matching'].dataSource.query('select referral_id, made_at from offer')).map((r: { referral_id: string; made_at: Date }) => [r.referral_id, r.made_at]),
  );
  const relay: number[] = [];
  const transport: number[] = [];
  const matching: number[] = [];
  for (const row of outbox) {
    relay.push(+row.sent - +row.created);
    const applied = inbox.get(row.event_id);
    if (applied) transport.push(+applied - +row.sent);
    const offered = offers.get(row.referral);
    if (applied && offered) matching.push(+offered - +applied);
  }
  const summary = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  return { intakeRelay: summary(relay), kafkaToMatchingApplied: summary(transport), matchingToOfferMade: summary(matching) };
}

async function main() {
  const topics = await createTestTopics();
  const platform = await startPlatform({ topicPrefix: topics.prefix, env: { LOG_LEVEL: 'warn' } });
  try {
    const admin = platform.token('admin');
    const office = await platform.request('referral-intake', 'POST', '/api/offices', { token: admin, body: { name: 'Bench Office', jurisdictions: ['NL-NH'], contact: { email: 'o@bench.example' } } });
    // One partner takes every offer, so one list shows them all (newest first: ids are UUIDv7).
    const partner = await platform.request('partner-matching', 'POST', '/api/partners', {
      token: admin,
      body: { name: 'Bench Partner', jurisdictions: ['NL-NH'], offenseCategories: ['theft'], languages: ['nl'], servesMinors: true, capacity: 10_000, responseHours: 24, specialties: [] },
    });
    const prosecutor = platform.token('prosecutor', office.body.id);
    const partnerAdmin = platform.token('partner_admin', partner.body.id);
    await sleep(3000); // partner.registered reaches matching's registry

    const returnedAt = new Map<string, number>();
    const seenAt = new Map<string, number>();
    const postMs: number[] = [];
    let failed = 0;
    const failures: Record<string, number> = {};
    const fail = (why: string) => {
      failed++;
      failures[why] = (failures[why] ?? 0) + 1;
    };
    const cpuBefore = Object.fromEntries(SERVICE_NAMES.map((name) => [name, cpuSeconds(platform.processes[name].child.pid as number)]));
    let polling = true;
    // The observer: lists the newest pending offers back to back; the first sighting of a referral counts.
    const cycleMs: number[] = [];
    const poller = (async () => {
      while (polling) {
        const cycleStart = Date.now();
        // Page back until a page holds nothing new: a burst between two looks may fill more than one page.
        let cursor: string | null = null;
        do {
          const page: { body: OfferPage } | null = await platform
            .request<OfferPage>('partner-matching', 'GET', `/api/offers?status=pending&limit=100${cursor ? `&cursor=${cursor}` : ''}`, { token: partnerAdmin })
            .catch(() => null);
          const now = Date.now();
          const items: { referralId: string }[] = page?.body?.items ?? [];
          const fresh = items.filter((offer) => !seenAt.has(offer.referralId));
          for (const offer of fresh) seenAt.set(offer.referralId, now);
          cursor = fresh.length && page ? page.body.nextCursor : null;
        } while (cursor && polling);
        cycleMs.push(Date.now() - cycleStart);
      }
    })();

    say(`sending ${RATE} referrals/s for ${SECONDS} s`);
    const total = RATE * SECONDS;
    const start = Date.now();
    const inFlight: Promise<void>[] = [];
    for (let n = 0; n < total; n++) {
      // Open loop: each referral leaves at its slot whatever the previous ones are doing.
      const wait = start + (n * 1000) / RATE - Date.now();
      if (wait > 0) await sleep(wait);
      const sent = Date.now();
      inFlight.push(
        platform.request('referral-intake', 'POST', '/api/referrals', { token: prosecutor, body: referralBody(n) }).then(
          (res) => {
            const now = Date.now();
            if (res.status !== 201) return fail(String(res.status));
            postMs.push(now - sent);
            returnedAt.set(res.body.id, now);
          },
          (error) => fail(String(error.cause?.code ?? error.message)),
        ),
      );
    }
    await Promise.all(inFlight);
    const sendSeconds = (Date.now() - start) / 1000;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && [...returnedAt.keys()].some((id) => !seenAt.has(id))) await sleep(200);
    polling = false;
    await poller;

    const latencies = [...returnedAt].filter(([id]) => seenAt.has(id)).map(([id, at]) => Math.max(0, (seenAt.get(id) as number) - at)).sort((a, b) => a - b);
    postMs.sort((a, b) => a - b);
    const rss = Object.fromEntries(SERVICE_NAMES.map((name) => [name, peakRssMb(platform.processes[name].child.pid as number)]));
    const figures = {
      referrals: total,
      sentOverSeconds: Number(sendSeconds.toFixed(1)),
      achievedRate: Number((returnedAt.size / sendSeconds).toFixed(1)),
      postFailed: failed,
      postFailures: failures,
      cpuSecondsDuringRun: Object.fromEntries(SERVICE_NAMES.map((name) => [name, Number((cpuSeconds(platform.processes[name].child.pid as number) - cpuBefore[name]).toFixed(1))])),
      offersSeen: latencies.length,
      offersNeverSeen: returnedAt.size - latencies.length,
      postMs: { p50: percentile(postMs, 50), p99: percentile(postMs, 99), max: postMs[postMs.length - 1] },
      returnToOfferVisibleMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] },
      // The observer's resolution: an offer is seen at most one cycle after it becomes visible.
      observerCycleMs: (() => {
        const sorted = [...cycleMs].sort((a, b) => a - b);
        return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
      })(),
      peakRssMb: Object.fromEntries(Object.entries(rss).map(([k, v]) => [k, Number(v.toFixed(0))])),
    };
    process.stdout.write(`${JSON.stringify({ ...figures, hopsMs: await hops(platform) }, null, 2)}\n`);
    const p99 = figures.returnToOfferVisibleMs.p99;
    process.stdout.write(`target p99 < 100 ms: ${p99 < 100 ? 'met' : 'NOT met'} (${p99} ms); every service < 200 MB: ${Object.values(rss).every((v) => v < 200) ? 'met' : 'NOT met'}\n`);
  } finally {
    await platform.stop();
    await topics.delete();
  }
}

main().catch((error) => {
  say(error.stack ?? String(error));
  process.exit(1);
});
