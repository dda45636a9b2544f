/**
 * The fault run (issue 8): N cases in flight through the public APIs while, on a fixed seed,
 * every service is SIGKILLed and restarted, the broker is killed and restarted, and Redis
 * comes back empty. Then, once the platform settles, the end-state checks; a table of them.
 *
 *   node -r ./tools/runtime/register.js tools/chaos/fault-run.ts --cases 1000 --seed 42
 *
 * Exits 1 if any check fails. Runs on a broker, Redis and SMTP sink of its own.
 */
import { SERVICE_NAMES, startPlatform, type RunningPlatform } from '../e2e/platform';
import { driveCase, GENERAL_CATEGORIES, PLANS, SLOW_CATEGORY, type CaseRecord, type World } from './case-flows';
import { endStateChecks, formatTable, quiescence, type CheckRow } from './end-state-checks';
import { faultSchedule, seededRandom, type Fault } from './fault-schedule';
import { startPrivateInfra, sleep, type PrivateInfra } from './private-infra';
import { resilient, type Counters } from './resilient-client';

export interface FaultRunOptions {
  cases: number;
  seed: number;
  /** Cases driven at once. */
  concurrency: number;
  /** Seconds over which the faults are spread. */
  faultWindowSeconds: number;
  serviceKills?: number;
  settleTimeoutMs: number;
  say?: (line: string) => void;
  /** A caller that gives up (a test past its time) aborts: no service is restarted after that. */
  signal?: AbortSignal;
}

export interface FaultRunResult {
  rows: CheckRow[];
  ok: boolean;
  faults: Fault[];
  durations: { driveMs: number; settleMs: number; totalMs: number };
  retries: number;
  pollFailures: number;
}

/** Sweeps fast enough that a job Redis lost is recreated within seconds, not the production minutes. */
const FAST_SWEEPS: Record<string, string> = {
  OFFER_SWEEP_EVERY_MS: '3000',
  REMINDER_SWEEP_INTERVAL_MS: '5000',
  OUTCOME_SCAN_EVERY_MS: '5000',
  REMINDER_OFFSETS_MINUTES: '2,1',
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'error',
};

export function planCases(count: number, seed: number): CaseRecord[] {
  const random = seededRandom(seed ^ 0x5eed);
  // Weights: most cases go the whole way; every final state occurs.
  const weights: Record<(typeof PLANS)[number], number> = {
    completed: 30,
    returned: 15,
    withdrawn_mid: 12,
    withdrawn_early: 8,
    in_progress: 15,
    ineligible: 10,
    unmatched: 10,
  };
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  return Array.from({ length: count }, (_, index) => {
    let pick = random() * total;
    const plan = PLANS.find((p) => (pick -= weights[p]) < 0) ?? 'completed';
    const declineFirst = ['completed', 'returned', 'in_progress'].includes(plan) && random() < 0.2;
    return { index, plan, declineFirst, sessions: {} };
  });
}

async function setUpWorld(
  platform: RunningPlatform,
  http: ReturnType<typeof resilient>,
  cases: number,
): Promise<World> {
  const admin = platform.token('admin');
  const office = await http.call('referral-intake', 'POST', '/api/offices', {
    token: admin,
    body: { name: 'Chaos Office', jurisdictions: ['NL-NH'], contact: { email: 'office@chaos.example' } },
  });
  const partner = (name: string, categories: string[], responseHours: number) =>
    http.call('partner-matching', 'POST', '/api/partners', {
      token: admin,
      body: {
        name,
        jurisdictions: ['NL-NH'],
        offenseCategories: categories,
        languages: ['nl'],
        servesMinors: true,
        capacity: Math.min(10_000, cases),
        responseHours,
        specialties: [],
      },
    });
  // Four general partners (a decline has somewhere to go); one slow one, the only taker of fraud, whose offers expire.
  for (let i = 0; i < 4; i++) await partner(`General ${i}`, GENERAL_CATEGORIES, 24);
  await partner('Slow', [SLOW_CATEGORY], 0.005);
  return { platform, http, officeId: office.body.id, prosecutor: platform.token('prosecutor', office.body.id), admin };
}

/**
 * Watches for a service that dies when no fault killed it (a crash is a finding): reports it
 * with the tail of its output, and starts it again as an orchestrator would.
 */
function watchForCrashes(platform: RunningPlatform, killing: Set<string>, say: (l: string) => void, crashes: string[]) {
  const seen = new Set<unknown>();
  const timer = setInterval(() => {
    for (const name of SERVICE_NAMES) {
      const proc = platform.processes[name];
      if (
        !proc ||
        seen.has(proc) ||
        killing.has(name) ||
        (proc.child.exitCode === null && proc.child.signalCode === null)
      )
        continue;
      seen.add(proc);
      crashes.push(name);
      say(
        `${name} EXITED on its own (${proc.child.exitCode ?? proc.child.signalCode}); last output:\n${proc.output().slice(-4000)}`,
      );
      killing.add(name);
      void platform
        .start(name)
        .catch((error) => say(`${name} failed to restart: ${error.message}`))
        .finally(() => killing.delete(name));
    }
  }, 1000);
  return () => clearInterval(timer);
}

async function runFaults(
  platform: RunningPlatform,
  infra: PrivateInfra,
  faults: Fault[],
  started: number,
  say: (l: string) => void,
  done: { count: number },
  killing: Set<string>,
) {
  for (const fault of faults) {
    const wait = started + fault.at * 1000 - Date.now();
    if (wait > 0) await sleep(wait);
    const t0 = Date.now();
    if (fault.target === 'kafka') await infra.restartKafka();
    else if (fault.target === 'redis') await infra.restartRedis();
    else {
      killing.add(fault.target);
      try {
        await platform.kill(fault.target, 'SIGKILL');
        await sleep(fault.downMs);
        await platform.start(fault.target);
      } finally {
        killing.delete(fault.target);
      }
    }
    done.count++;
    say(
      `fault ${done.count}/${faults.length}: ${fault.target} killed and back after ${((Date.now() - t0) / 1000).toFixed(1)} s (t=${((Date.now() - started) / 1000).toFixed(0)} s, ${new Date().toISOString()})`,
    );
  }
}

export async function runFaultRun(options: FaultRunOptions): Promise<FaultRunResult> {
  const say = options.say ?? ((line: string) => process.stderr.write(`[chaos] ${line}\n`));
  const t0 = Date.now();
  const infra = await startPrivateInfra(say);
  let platform: RunningPlatform | undefined;
  // Stopped in `finally` too: a run that throws (or a caller that gives up) must not leave the
  // watcher restarting services whose broker is already gone, which would keep the process alive.
  let stopWatching: () => void = () => undefined;
  try {
    platform = await startPlatform({
      brokers: infra.brokers,
      redisUrl: infra.redisUrl,
      smtpUrl: infra.smtp.url,
      topicPrefix: '',
      env: FAST_SWEEPS,
      echo: Boolean(process.env.CHAOS_ECHO),
    });
    const counters: Counters = { retries: 0, pollFailures: 0 };
    const http = resilient(platform, counters);
    const world = await setUpWorld(platform, http, options.cases);
    const records = planCases(options.cases, options.seed);
    const faults = faultSchedule(options.seed, options.faultWindowSeconds, options.serviceKills ?? 1);
    say(
      `platform up in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${options.cases} cases, seed ${options.seed}; faults: ${faults.map((f) => `${f.target}@${f.at}s`).join(', ')}`,
    );

    const driveStart = Date.now();
    const faultsDone = { count: 0 };
    const killing = new Set<string>();
    const crashes: string[] = [];
    stopWatching = watchForCrashes(platform, killing, say, crashes);
    options.signal?.addEventListener('abort', () => stopWatching(), { once: true });
    const faultLoop = runFaults(platform, infra, faults, driveStart, say, faultsDone, killing);
    let next = 0;
    let finished = 0;
    const worker = async () => {
      while (next < records.length) {
        const record = records[next++];
        try {
          await driveCase(world, record);
        } catch (error) {
          record.error = (error as Error).message;
          say(`case ${record.index} (${record.plan}) failed: ${record.error}`);
        }
        if (++finished % Math.max(1, Math.floor(records.length / 10)) === 0)
          say(`${finished}/${records.length} cases driven (t=${((Date.now() - driveStart) / 1000).toFixed(0)} s)`);
      }
    };
    await Promise.all(Array.from({ length: options.concurrency }, worker));
    const driveMs = Date.now() - driveStart;
    await faultLoop;

    const settleStart = Date.now();
    let last = await quiescence(platform, records);
    while (!last.settled && Date.now() - settleStart < options.settleTimeoutMs) {
      await sleep(2000);
      last = await quiescence(platform, records);
    }
    const settleMs = Date.now() - settleStart;
    say(`settle: ${JSON.stringify(last)} after ${(settleMs / 1000).toFixed(0)} s`);
    stopWatching();
    const rows = await endStateChecks(platform, infra, records, faultsDone.count, faults.length);
    rows.push({
      check: 'services that exited without being killed',
      expected: 'none',
      actual: crashes.join(', ') || 'none',
      ok: crashes.length === 0,
    });
    rows.push({
      check: `settled within ${options.settleTimeoutMs / 1000} s`,
      expected: 'true',
      actual: String(last.settled),
      ok: last.settled,
    });
    const failedCases = records.filter((r) => r.error).slice(0, 5);
    for (const r of failedCases) say(`failed case ${r.index} ${r.plan}: ${r.error}`);
    return {
      rows,
      ok: rows.every((r) => r.ok),
      faults,
      durations: { driveMs, settleMs, totalMs: Date.now() - t0 },
      retries: counters.retries,
      pollFailures: counters.pollFailures,
    };
  } finally {
    stopWatching();
    if (platform) {
      for (const name of SERVICE_NAMES) await platform.kill(name, 'SIGKILL');
      await platform.stop();
    }
    await infra.stop();
  }
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

if (require.main === module) {
  const cases = argument('cases', 1000);
  runFaultRun({
    cases,
    seed: argument('seed', 42),
    concurrency: argument('concurrency', cases >= 500 ? 30 : 10),
    faultWindowSeconds: argument('window', cases >= 500 ? 240 : 60),
    serviceKills: argument('kills', cases >= 500 ? 2 : 1),
    settleTimeoutMs: argument('settle', 180) * 1000,
  })
    .then((result) => {
      process.stdout.write(`\n${formatTable(result.rows)}\n\n`);
      process.stdout.write(
        `drive ${(result.durations.driveMs / 1000).toFixed(0)} s, settle ${(result.durations.settleMs / 1000).toFixed(0)} s, total ${(result.durations.totalMs / 1000).toFixed(0)} s; ${result.retries} client retries, ${result.pollFailures} failed polls (requests that met a fault)\n`,
      );
      process.stdout.write(result.ok ? 'ALL CHECKS PASSED\n' : 'SOME CHECKS FAILED\n');
      process.exit(result.ok ? 0 : 1);
    })
    .catch((error) => {
      process.stderr.write(`[chaos] ${error.stack ?? error}\n`);
      process.exit(1);
    });
}
