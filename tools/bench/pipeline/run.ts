/**
 * The pipeline's speed (issue 8, Measure; issue 15): referrals POSTed at a steady rate (open
 * loop) to a platform of real processes, each timed from the referral's commit in intake's
 * database to its offer's commit in matching's (Postgres notifications, delivered at commit:
 * see commit-watch.ts), next to the ceiling measured in the same run at the same rate — the
 * backbone alone (outbox → Kafka → inbox between two scratch databases) and raw kafkajs
 * produce → consume — and each service's peak RSS. Offered more than the platform takes
 * (--rate 300), the excess must be refused fast (503 or 429 with Retry-After), nothing may time
 * out or answer 500, and every accepted referral must get its offer. It prints figures; it is
 * not a test.
 *
 *   node -r ./tools/runtime/register.js tools/bench/pipeline/run.ts [--rate 100] [--seconds 60] [--timeout-ms 10000]
 *        [--service-env [SERVICE:]NAME=VALUE ...]   (every service's environment, e.g. MAX_IN_FLIGHT_REQUESTS=100000 to see it
 *                                               unprotected, or one service's: referral-intake:NODE_OPTIONS=...;
 *                                               each service starts with its k8s ConfigMap's consumer settings)
 *        [--from-sources]                 (run the TypeScript through swc as `npm start` does, not the tsc build)
 *        [--service-nice SERVICE=N ...]   (run a service at nice N: on one host, the CPU weights the k8s
 *                                          manifests' cpu requests give the services, see capacity.md)
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { cpus, loadavg, setPriority } from 'node:os';
import { createTestTopics, testBrokers } from '@rj/shared/testing';
import { SERVICE_NAMES, startPlatform, type ServiceName } from '../../e2e/platform';
import { latencyAtSteadyRate, offerAcceptedEvent } from '../backbone/latency';
import { percentile, rawKafkajs } from '../backbone/raw-kafka';
import { uuidv7 } from '@rj/shared/contracts';
import { watchCommits } from './commit-watch';
import { eventLoopDelay } from './event-loop';
import { gcSeconds } from './gc-time';
import { catchUpSeconds } from './catch-up';
import { deployedTuning } from '../../topology/deployed-tuning';
import { cpuSeconds, kafkaCpuSeconds, postgresCpuSeconds } from './infra-cpu';
import { sendReferrals } from './load';
import { peakRssMb, watchPeakRss } from './rss-peak';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RATE = arg('rate', 100);
const SECONDS = arg('seconds', 60);
const TIMEOUT_MS = arg('timeout-ms', 10_000);
const FROM_BUILD = !process.argv.includes('--from-sources');
/**
 * `--service-env NAME=VALUE` sets a variable of every service; `--service-env
 * referral-intake:NAME=VALUE` of one (to try a setting on one service, e.g. its NODE_OPTIONS).
 */
const serviceEnvArgs = process.argv.flatMap((value, i) => (process.argv[i - 1] === '--service-env' ? [value] : []));
const envEntry = (assignment: string) => {
  const [name, ...rest] = assignment.split('=');
  return [name, rest.join('=')];
};
const ownService = (arg: string) => SERVICE_NAMES.find((service) => arg.startsWith(`${service}:`));
const SERVICE_ENV = Object.fromEntries(serviceEnvArgs.filter((arg) => !ownService(arg)).map(envEntry));
const ENV_OF_ONE_SERVICE: Partial<Record<ServiceName, Record<string, string>>> = {};
// Each service's consumer as its ConfigMap tunes it, unless --service-env names the setting.
for (const service of SERVICE_NAMES) {
  const tuned = Object.entries(deployedTuning(service)).filter(([name]) => !(name in SERVICE_ENV));
  if (tuned.length) ENV_OF_ONE_SERVICE[service] = Object.fromEntries(tuned);
}
for (const arg of serviceEnvArgs) {
  const service = ownService(arg);
  if (!service) continue;
  const [name, value] = envEntry(arg.slice(service.length + 1));
  (ENV_OF_ONE_SERVICE[service] ??= {})[name] = value;
}
/**
 * `--service-nice audit-ledger=6`: the service runs at that nice value once started. On one
 * host this gives the services the relative CPU weights their Kubernetes cpu requests give
 * them on a contended node (nice 6 weighs about a quarter of nice 0, as 250m does of 1000m).
 */
const SERVICE_NICE = Object.fromEntries(
  process.argv
    .flatMap((value, i) => (process.argv[i - 1] === '--service-nice' ? [value] : []))
    .map((assignment) => {
      const [service, nice] = assignment.split('=');
      if (!SERVICE_NAMES.includes(service as ServiceName) || !/^-?\d+$/.test(nice ?? ''))
        throw new Error(`--service-nice wants SERVICE=N with a service of ${SERVICE_NAMES.join(', ')}: ${assignment}`);
      return [service, Number(nice)];
    }),
) as Partial<Record<ServiceName, number>>;

/**
 * Gives a service (in a session of its own: PlatformOptions.ownSessions) a nice value. Where
 * Linux's autogroup scheduler is on, the CPU is shared between sessions first, so the nice
 * value of the service's group is what weighs it against Postgres, Kafka and the other
 * services; the process's own nice value weighs it where autogroups are off.
 */
function weighDown(pid: number, nice: number): void {
  setPriority(pid, nice);
  const autogroup = `/proc/${pid}/autogroup`;
  if (!fs.existsSync(autogroup)) return;
  // A group shared with the bench would weigh the bench and every other service down too.
  const session = Number(fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')[3]);
  if (session !== pid) throw new Error(`--service-nice: process ${pid} does not lead a session of its own`);
  fs.writeFileSync(autogroup, String(nice));
}
const RSS_LIMIT_MB = 200;
/** How long the consumers may take to commit every event after the load, before the bench stops waiting. */
const CATCH_UP_MS = 180_000;
const REFUSAL_LIMIT_MS = 50;
/** Offers still missing after this long without a new one are reported missing. */
const STALL_MS = 30_000;
const say = (line: string) => process.stderr.write(`[pipeline] ${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] };
};

/**
 * Where the time goes, from the services' own rows: intake's outbox (written → published),
 * Kafka and matching's consumer (published → applied, matching's inbox), matching's work
 * (applied → offer made). Timestamps of one machine's clock, so they subtract.
 */
async function hops(platform: Awaited<ReturnType<typeof startPlatform>>) {
  const outbox: { event_id: string; referral: string; created: Date; sent: Date }[] = await platform.databases[
    'referral-intake'
  ].dataSource.query(
    `select event_id, payload->>'referralId' as referral, created_at as created, sent_at as sent from outbox where event_type = 'referral.screened'`,
  );
  const inbox = new Map<string, Date>(
    (
      await platform.databases['partner-matching'].dataSource.query(
        `select event_id, processed_at from inbox where event_type = 'referral.screened'`,
      )
    ).map((r: { event_id: string; processed_at: Date }) => [r.event_id, r.processed_at]),
  );
  const offers = new Map<string, Date>(
    (await platform.databases['partner-matching'].dataSource.query('select referral_id, made_at from offer')).map(
      (r: { referral_id: string; made_at: Date }) => [r.referral_id, r.made_at],
    ),
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
  const p = (values: number[]) => ({ p50: summary(values).p50, p99: summary(values).p99 });
  return { intakeRelay: p(relay), kafkaToMatchingApplied: p(transport), matchingToOfferMade: p(matching) };
}

/** The ceiling, in this run at this rate: the backbone alone, and raw kafkajs. */
async function ceiling(prefix: string) {
  // Enough for a p99, few enough for a shared machine: the ceiling must not take longer than the run.
  const events = Math.min(RATE * 5, 1000);
  say(`ceiling: the backbone alone, ${events} events at ${RATE}/s; raw kafkajs produce → consume`);
  const backbone = await latencyAtSteadyRate(prefix, { events, rate: RATE });
  const raw = await rawKafkajs(
    testBrokers(),
    `${prefix}rj.outcome.v1`,
    events,
    JSON.stringify(offerAcceptedEvent(uuidv7())),
  );
  return {
    backboneP50: backbone.p50Ms,
    backboneP99: backbone.p99Ms,
    rawKafkajsP50: raw.p50Ms as number,
    rawKafkajsP99: raw.p99Ms as number,
  };
}

async function main() {
  // The ceiling's events go to topics of their own: on the platform's topics the services would
  // consume them too (hundreds of copies of one event, dead-lettered) and be measured doing so.
  const ceilingTopics = await createTestTopics();
  const limits = await ceiling(ceilingTopics.prefix).finally(() => ceilingTopics.delete());
  const topics = await createTestTopics();
  // The services run the tsc build as the container image does: the development loader
  // (tools/runtime/register.js) keeps swc's native compiler and the sources in every process,
  // tens of MB that production does not hold, so peak RSS is production's.
  if (FROM_BUILD) {
    say('building (npm run build) to run the services as the image does');
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  }
  for (const [service, env] of Object.entries(ENV_OF_ONE_SERVICE))
    say(
      `${service} runs with ${Object.entries(env)
        .map(([name, value]) => `${name}=${value}`)
        .join(' ')}`,
    );
  const platform = await startPlatform({
    topicPrefix: topics.prefix,
    fromBuild: FROM_BUILD,
    env: { LOG_LEVEL: 'warn', RJ_SOURCE_MAPS: '0', ...SERVICE_ENV },
    serviceEnv: ENV_OF_ONE_SERVICE,
    // Each service a scheduling group of its own, as each pod is: see weighDown.
    ownSessions: true,
  });
  const referralCommits = await watchCommits(platform.databases['referral-intake'].url, 'referral', 'id');
  const offerCommits = await watchCommits(platform.databases['partner-matching'].url, 'offer', 'referral_id');
  try {
    const admin = platform.token('admin');
    const office = await platform.request('referral-intake', 'POST', '/api/offices', {
      token: admin,
      body: { name: 'Bench Office', jurisdictions: ['NL-NH'], contact: { email: 'o@bench.example' } },
    });
    // One partner takes every offer: the shape in which its row could serialise every offer.
    const partner = await platform.request('partner-matching', 'POST', '/api/partners', {
      token: admin,
      body: {
        name: 'Bench Partner',
        jurisdictions: ['NL-NH'],
        offenseCategories: ['theft'],
        languages: ['nl'],
        servesMinors: true,
        capacity: 10_000,
        responseHours: 24,
        specialties: [],
      },
    });
    for (const [what, answer] of [
      ['office', office],
      ['partner', partner],
    ] as const)
      if (answer.status !== 201)
        throw new Error(`registering the bench's ${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const prosecutor = platform.token('prosecutor', office.body.id);
    const partnerAdmin = platform.token('partner_admin', partner.body.id);
    await sleep(3000); // partner.registered reaches matching's registry

    const pids = Object.fromEntries(SERVICE_NAMES.map((name) => [name, platform.processes[name].child.pid as number]));
    for (const [name, nice] of Object.entries(SERVICE_NICE)) weighDown(pids[name as ServiceName], nice);
    const cpuBefore = Object.fromEntries(SERVICE_NAMES.map((name) => [name, cpuSeconds(pids[name])]));
    // What each service holds before the load: the rest of its peak is what the load adds.
    const rssBefore = Object.fromEntries(SERVICE_NAMES.map((name) => [name, Math.round(peakRssMb(pids[name]))]));
    const gcSecondsOf = async () =>
      Object.fromEntries(
        await Promise.all(SERVICE_NAMES.map(async (name) => [name, await gcSeconds(platform.internalUrls[name])])),
      ) as Record<ServiceName, number>;
    // This scrape also starts each service's event-loop histogram afresh for the load.
    const gcBefore = await gcSecondsOf();
    const infraBefore = { postgres: postgresCpuSeconds(), kafka: kafkaCpuSeconds(), bench: process.cpuUsage() };
    say(`sending ${RATE} referrals/s for ${SECONDS} s`);
    const rssWatch = watchPeakRss(pids as Record<ServiceName, number>);
    const load = await sendReferrals({
      url: platform.urls['referral-intake'],
      token: prosecutor,
      rate: RATE,
      seconds: SECONDS,
      timeoutMs: TIMEOUT_MS,
    });
    const loopDelay = Object.fromEntries(
      await Promise.all(
        SERVICE_NAMES.map(async (name) => [name, await eventLoopDelay(platform.internalUrls[name])] as const),
      ),
    );

    // Wait for every accepted referral's offer to commit: as long as offers keep coming (a backlog
    // drains at the pipeline's pace, which a fixed wait would report as missing offers), until
    // none has come for STALL_MS. An offer still missing then is one the pipeline stopped on.
    const accepted = [...load.acceptedAt.keys()];
    const offersPending = () => accepted.filter((id) => !offerCommits.committedAt.has(id)).length;
    const drainStarted = Date.now();
    let pending = offersPending();
    let progressAt = drainStarted;
    while (pending > 0 && Date.now() - progressAt < STALL_MS) {
      await sleep(200);
      const now = offersPending();
      if (now < pending) progressAt = Date.now();
      pending = now;
    }
    // How long the last offer came after the load stopped: the backlog the burst left behind.
    const lastOfferAfterLoadSeconds = Number(((progressAt - drainStarted) / 1000).toFixed(1));
    const listed = await platform
      .request<{ items?: unknown[] }>('partner-matching', 'GET', '/api/offers?status=pending&limit=100', {
        token: partnerAdmin,
      })
      .catch((error: Error) => ({ status: error.message, body: {} as { items?: unknown[] } }));

    const commitToCommit: number[] = [];
    const returnToCommit: number[] = [];
    for (const id of accepted) {
      const offered = offerCommits.committedAt.get(id);
      const committed = referralCommits.committedAt.get(id);
      if (offered === undefined) continue;
      if (committed !== undefined) commitToCommit.push(Math.max(0, offered - committed));
      returnToCommit.push(Math.max(0, offered - (load.acceptedAt.get(id) as number)));
    }
    const gcAfter = await gcSecondsOf();
    const gcUsed = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, Number((gcAfter[name] - gcBefore[name]).toFixed(2))]),
    );
    const cpuUsed = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, Number((cpuSeconds(pids[name]) - cpuBefore[name]).toFixed(1))]),
    );
    // Until the last offer: the backlog a burst leaves is worked off after the load, by everyone.
    const benchCpu = process.cpuUsage(infraBefore.bench);
    const infraUsed = {
      postgres: Number((postgresCpuSeconds() - infraBefore.postgres).toFixed(1)),
      kafka: Number((kafkaCpuSeconds() - infraBefore.kafka).toFixed(1)),
      loadGenerator: Number(((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)),
    };
    // The consumers work off what is left of their backlog (all of it, for a service that comes
    // after the referral's path: --service-nice); peak memory and the CPU are read after that too.
    const caughtUpAfterLoadSeconds = await catchUpSeconds(topics.prefix, SERVICE_NAMES, drainStarted, CATCH_UP_MS);
    const cpuUsedWithCatchUp = Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, Number((cpuSeconds(pids[name]) - cpuBefore[name]).toFixed(1))]),
    );
    const cpuWithCatchUp = Object.values(cpuUsedWithCatchUp).reduce((a, b) => a + b, 0);
    const rssPeakAtSecond = rssWatch.stop();
    const rss = Object.fromEntries(SERVICE_NAMES.map((name) => [name, Math.round(peakRssMb(pids[name]))]));
    const perReferralMs = (seconds: number) => Math.round((1000 * seconds) / Math.max(accepted.length, 1));
    const latency = summary(commitToCommit);
    const refusal = summary(load.refusedMs);
    const figures = {
      offered: load.sent,
      sentOverSeconds: load.seconds,
      acceptedRate: Number((accepted.length / load.seconds).toFixed(1)),
      posts: {
        accepted: accepted.length,
        refusedWithRetryAfter: load.refusedMs.length,
        failed: load.failures,
        timedOut: load.timedOut,
      },
      postMs: summary(load.acceptedMs),
      benchClientLoopDelayMs: load.clientLoopDelayMs,
      refusalMs: load.refusedMs.length ? refusal : null,
      // A new connection waits for the service's loop to accept it (one per listening socket per
      // turn) before its request is even read: HTTP_ACCEPT_SOCKETS.
      refusalOnNewConnectionMs: load.refusedOnNewConnectionMs.length
        ? { count: load.refusedOnNewConnectionMs.length, ...summary(load.refusedOnNewConnectionMs) }
        : null,
      offersCommitted: commitToCommit.length,
      offersMissing: accepted.length - returnToCommit.length,
      lastOfferAfterLoadSeconds,
      offersListedByApi: Array.isArray(listed.body?.items)
        ? listed.body.items.length
        : `GET /api/offers answered ${listed.status}`,
      referralCommitToOfferCommitMs: latency,
      postReturnToOfferCommitMs: summary(returnToCommit),
      ceilingMs: limits,
      cpuSecondsDuringRun: cpuUsed,
      gcSecondsDuringRun: gcUsed,
      // Steadier than latency on a shared machine: what one referral costs the services, refusals included.
      cpuMsPerAcceptedReferral: perReferralMs(Object.values(cpuUsed).reduce((a, b) => a + b, 0)),
      cpuMsPerAcceptedReferralWithCatchUp: perReferralMs(cpuWithCatchUp),
      // What each service spent until its group had committed every event: a consumer that waits
      // on the others (--service-nice) does most of its work after the load.
      cpuSecondsWithCatchUp: cpuUsedWithCatchUp,
      caughtUpAfterLoadSeconds,
      // The rest of the machine's share of a referral: its statements, its messages, the bench itself.
      infrastructureCpuSecondsDuringRun: infraUsed,
      postgresCpuMsPerAcceptedReferral: perReferralMs(infraUsed.postgres),
      kafkaCpuMsPerAcceptedReferral: perReferralMs(infraUsed.kafka),
      peakRssMb: rss,
      peakRssBeforeLoadMb: rssBefore,
      peakRssAtSecondOfLoad: rssPeakAtSecond,
      eventLoopDelayDuringLoadMs: loopDelay,
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    // The breakdown reads the services' databases: on a busy machine that may fail; the figures are out already.
    const breakdown = await hops(platform).catch((error: Error) => `not measured (${error.message})`);
    process.stdout.write(`hopsMs: ${JSON.stringify(breakdown)}\n`);

    const failedPosts = Object.values(load.failures).reduce((a, b) => a + b, 0);
    const row = (figure: string, measured: string, ceilingOrGoal: string, met: boolean) =>
      process.stdout.write(
        `  ${figure.padEnd(46)}${measured.padStart(16)}   ${ceilingOrGoal.padEnd(40)}${met ? 'met' : 'NOT met'}\n`,
      );
    process.stdout.write(
      `\npipeline at ${RATE} referrals/s for ${SECONDS} s (machine load ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')})${
        Object.keys(SERVICE_NICE).length
          ? `, ${Object.entries(SERVICE_NICE)
              .map(([name, nice]) => `${name} at nice ${nice}`)
              .join(', ')}`
          : ''
      }\n`,
    );
    process.stdout.write(
      `  ${'figure'.padEnd(46)}${'measured'.padStart(16)}   ${'ceiling / goal (same run)'.padEnd(40)}\n`,
    );
    row('POSTs failed (5xx other than refusals, errors)', String(failedPosts), '0', failedPosts === 0);
    row('POSTs timed out', String(load.timedOut), `0 (client timeout ${TIMEOUT_MS} ms)`, load.timedOut === 0);
    if (load.refusedMs.length)
      row(
        `refused with Retry-After (of ${load.sent}), p99`,
        `${load.refusedMs.length}, ${refusal.p99} ms`,
        `answered within ${REFUSAL_LIMIT_MS} ms`,
        refusal.p99 < REFUSAL_LIMIT_MS,
      );
    if (figures.refusalOnNewConnectionMs)
      process.stdout.write(
        `  ${'  of them on a new connection, p50 / p99'.padEnd(46)}${`${figures.refusalOnNewConnectionMs.count}, ${figures.refusalOnNewConnectionMs.p50} / ${figures.refusalOnNewConnectionMs.p99} ms`.padStart(16)}   (the accept queue: HTTP_ACCEPT_SOCKETS)\n`,
      );
    row(
      'accepted referrals without their offer',
      String(figures.offersMissing),
      `0 (the last came ${lastOfferAfterLoadSeconds} s after the load)`,
      figures.offersMissing === 0,
    );
    row(
      'referral commit → offer commit p50',
      `${latency.p50} ms`,
      `backbone p50 ${limits.backboneP50} + 15 ms`,
      latency.p50 <= limits.backboneP50 + 15,
    );
    row(
      'referral commit → offer commit p99',
      `${latency.p99} ms`,
      `< 100 ms (backbone p99 ${limits.backboneP99})`,
      latency.p99 < 100,
    );
    row(
      '  raw kafkajs produce → consume p50 / p99',
      `${limits.rawKafkajsP50} / ${limits.rawKafkajsP99} ms`,
      'the broker alone',
      true,
    );
    process.stdout.write(
      `  ${"services' CPU per accepted referral".padEnd(46)}${`${figures.cpuMsPerAcceptedReferral} ms`.padStart(16)}   (${cpus().length} cores: at most ~${Math.round((cpus().length * 1000) / Math.max(figures.cpuMsPerAcceptedReferral, 1))} referrals/s before Postgres and Kafka take theirs)\n`,
    );
    process.stdout.write(
      `  ${"  the same, the consumers' catch-up included".padEnd(46)}${`${figures.cpuMsPerAcceptedReferralWithCatchUp} ms`.padStart(16)}   (until every consumer group had committed every event)\n`,
    );
    process.stdout.write(
      `  ${'consumers caught up, s after the load'.padEnd(46)}${SERVICE_NAMES.map((name) => `${name} ${caughtUpAfterLoadSeconds[name] ?? `> ${CATCH_UP_MS / 1000}`}`).join(', ')}\n`,
    );
    process.stdout.write(
      `  ${"Postgres's / Kafka's CPU per accepted referral".padEnd(46)}${`${figures.postgresCpuMsPerAcceptedReferral} / ${figures.kafkaCpuMsPerAcceptedReferral} ms`.padStart(16)}   (the load generator: ${infraUsed.loadGenerator} s in all)\n`,
    );
    for (const name of SERVICE_NAMES) {
      const delay = loopDelay[name];
      const shown = 'p99Ms' in delay ? `p99 ${delay.p99Ms}, max ${delay.maxMs} ms` : delay.unavailable.slice(0, 30);
      process.stdout.write(`  ${`event-loop delay ${name}`.padEnd(46)}${shown.padStart(16)}   (while sending)\n`);
    }
    // The pauses are wall-clock time: a service at a higher nice value is preempted inside them,
    // so under --service-nice its figure can near its CPU (measured in capacity.md). Compare a
    // service's GC only between runs with the same weights.
    for (const name of SERVICE_NAMES)
      process.stdout.write(
        `  ${`GC ${name}`.padEnd(46)}${`${gcUsed[name]} of ${cpuUsed[name]} s`.padStart(16)}   (main thread's pauses, wall clock; the process's CPU)\n`,
      );
    for (const name of SERVICE_NAMES)
      row(
        `peak RSS ${name} (before; at s)`,
        `${rss[name]} (${rssBefore[name]}) MB; ${rssPeakAtSecond[name]}`,
        `< ${RSS_LIMIT_MB} MB`,
        rss[name] < RSS_LIMIT_MB,
      );
  } finally {
    await referralCommits.stop();
    await offerCommits.stop();
    await platform.stop();
    await topics.delete();
  }
}

// The services run in sessions of their own, out of reach of the terminal's Ctrl-C: an
// interrupted bench leaves through process.exit, whose 'exit' handlers kill them.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().then(
  () => process.exit(0),
  (error) => {
    say(error.stack ?? String(error));
    process.exit(1);
  },
);
