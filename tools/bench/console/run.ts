/**
 * Console benchmark (issue 12, Measure): the server time of the referrals list page for an
 * office with 10,000 referrals, next to the same API call made directly.
 *
 * Starts the browser tests' stack without Chromium (the five services on scratch databases,
 * the development identity provider, the console), registers one office, submits the
 * referrals through the public API as its prosecutor (bounded concurrency, loopback), waits
 * until the platform is idle again (screening, matching and the ledger have caught up), signs
 * in through the console's real OpenID Connect flow over HTTP, then times, alternately,
 *   GET /referrals          the console's page: session, API call with the person's token, HTML
 *   GET /api/referrals      referral-intake directly, the same query (newest first, 25)
 * one request at a time, and prints p50/p95/p99 and the difference.
 *
 *   npm run bench:console [-- --referrals 10000 --requests 300 --concurrency 12]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { startStack, type OrganisationsFile, type RunningStack } from '../../browser/stack';
import { referralBodyText } from '../intake/referral-bodies';
import { signInThroughConsole } from './sign-in';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) =>
  args.includes(`--${name}`) ? (args[args.indexOf(`--${name}`) + 1] ?? fallback) : fallback;
const REFERRALS = Number(option('referrals', '10000'));
const REQUESTS = Number(option('requests', '300'));
const CONCURRENCY = Number(option('concurrency', '12'));
const WARM_UP = 20;
const PAGE_SIZE = 25;
const TARGET_P95_MS = 150;
const JURISDICTION = 'BENCH-CONSOLE';

const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function devToken(issuer: string, claims: Record<string, unknown>): Promise<string> {
  const response = await fetch(`${issuer}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...claims, expires_in: 3600 }),
  });
  if (!response.ok)
    throw new Error(`the identity provider refused a token: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Registers the office and gives it a demo account; returns its id and the account's name. */
async function createOffice(stack: RunningStack): Promise<{ officeId: string; account: string }> {
  const admin = await devToken(stack.info.idpIssuer, { account: 'admin-1' });
  const response = await fetch(`${stack.info.urls['referral-intake']}/api/offices`, {
    method: 'POST',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Benchmark office',
      jurisdictions: [JURISDICTION],
      contact: { email: 'bench@example.org' },
    }),
  });
  if (response.status !== 201) throw new Error(`office: HTTP ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const file = JSON.parse(readFileSync(stack.info.organisationsFile, 'utf8')) as OrganisationsFile;
  file.offices.push({ id, name: 'Benchmark office', jurisdiction: JURISDICTION });
  writeFileSync(stack.info.organisationsFile, JSON.stringify(file));
  return { officeId: id, account: `prosecutor-${file.offices.length}` };
}

/** Submits `count` referrals, at most `concurrency` at a time; returns how long it took. */
async function submitReferrals(url: string, token: string, count: number, concurrency: number): Promise<number> {
  const started = Date.now();
  let next = 0;
  let lastReport = started;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const response = await fetch(`${url}/api/referrals`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: referralBodyText(n, JURISDICTION),
      });
      if (response.status !== 201) throw new Error(`referral ${n}: HTTP ${response.status} ${await response.text()}`);
      await response.arrayBuffer().catch(() => undefined);
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        say(`  ${n + 1} of ${count} submitted (${((n + 1) / ((Date.now() - started) / 1000)).toFixed(0)}/s)`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return Date.now() - started;
}

function cpuSeconds(pids: number[]): number {
  return pids.reduce((sum, pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return sum;
    }
  }, 0);
}

/**
 * Waits until the services use less than a fifth of a core between them for three seconds:
 * the 10,000 referrals' screening, matching and ledger entries are done, so the timings below
 * measure the page, not the pipeline catching up.
 */
async function waitUntilIdle(pids: number[], timeoutMs = 15 * 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const before = cpuSeconds(pids);
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const cores = (cpuSeconds(pids) - before) / 3;
    if (cores < 0.2) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`the services were still busy (${cores.toFixed(2)} cores) after ${timeoutMs / 60_000} min`);
  }
}

async function timed(
  url: string,
  headers: Record<string, string>,
  check: (status: number, body: string) => void,
): Promise<number> {
  const started = process.hrtime.bigint();
  const response = await fetch(url, { headers, redirect: 'manual' });
  const body = await response.text();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  check(response.status, body);
  return ms;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  say('starting the services, the identity provider and the console (no browser)');
  const stack = await startStack({ browser: false });
  try {
    const intake = stack.info.urls['referral-intake'];
    const { account } = await createOffice(stack);
    const prosecutor = await devToken(stack.info.idpIssuer, { account });
    say(`submitting ${REFERRALS} referrals through POST /api/referrals, ${CONCURRENCY} at a time`);
    const submitMs = await submitReferrals(intake, prosecutor, REFERRALS, CONCURRENCY);
    say(
      `  submitted in ${(submitMs / 1000).toFixed(0)} s (${(REFERRALS / (submitMs / 1000)).toFixed(0)}/s); waiting for the platform to be idle`,
    );
    const idleMs = await waitUntilIdle(Object.values(stack.info.pids));
    say(`  idle after another ${(idleMs / 1000).toFixed(0)} s`);

    const jar = await signInThroughConsole(stack.info.consoleUrl, account);
    const pageUrl = `${stack.info.consoleUrl}/referrals`;
    const apiUrl = `${intake}/api/referrals?sort=newest&limit=${PAGE_SIZE}`;
    const pageHeaders = { cookie: jar.header(new URL(pageUrl)) };
    const apiHeaders = { authorization: `Bearer ${prosecutor}`, accept: 'application/json' };
    const checkPage = (status: number, body: string) => {
      if (status !== 200) throw new Error(`GET /referrals answered ${status} (signed out?)`);
      if (!body.includes('/referrals/')) throw new Error('GET /referrals listed no referral');
    };
    const checkApi = (status: number, body: string) => {
      if (status !== 200) throw new Error(`GET /api/referrals answered ${status}`);
      if ((JSON.parse(body) as { items: unknown[] }).items.length !== PAGE_SIZE)
        throw new Error(`GET /api/referrals did not return ${PAGE_SIZE} referrals`);
    };

    say(`timing ${REQUESTS} requests of each, alternately, one at a time (after ${WARM_UP} of each to warm up)`);
    const page: number[] = [];
    const api: number[] = [];
    // CPU time per request does not grow with the machine's load as wall time does.
    const intakePid = stack.info.pids['referral-intake'];
    let cpuBefore = { console: 0, intake: 0 };
    for (let i = 0; i < WARM_UP + REQUESTS; i++) {
      if (i === WARM_UP) cpuBefore = { console: cpuSeconds([stack.info.consolePid]), intake: cpuSeconds([intakePid]) };
      const pageMs = await timed(pageUrl, pageHeaders, checkPage);
      const apiMs = await timed(apiUrl, apiHeaders, checkApi);
      if (i >= WARM_UP) {
        page.push(pageMs);
        api.push(apiMs);
      }
    }
    const cpuMs = {
      console: ((cpuSeconds([stack.info.consolePid]) - cpuBefore.console) * 1000) / REQUESTS,
      intake: ((cpuSeconds([intakePid]) - cpuBefore.intake) * 1000) / (2 * REQUESTS),
    };
    page.sort((a, b) => a - b);
    api.sort((a, b) => a - b);

    const row = (label: string, ms: number[]) =>
      `  ${label.padEnd(44)}${[50, 95, 99].map((p) => percentile(ms, p).toFixed(1).padStart(9)).join('')}${ms[ms.length - 1].toFixed(1).padStart(9)}`;
    const p95 = percentile(page, 95);
    process.stdout.write(
      `\nconsole referrals list, an office with ${REFERRALS} referrals (${REQUESTS} requests each, loopback, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)})\n`,
    );
    process.stdout.write(
      `  ${''.padEnd(44)}${['p50 ms', 'p95 ms', 'p99 ms', 'max ms'].map((h) => h.padStart(9)).join('')}\n`,
    );
    process.stdout.write(`${row('console  GET /referrals (HTML page)', page)}\n`);
    process.stdout.write(`${row(`API      GET /api/referrals?limit=${PAGE_SIZE} (JSON)`, api)}\n`);
    process.stdout.write(
      `  console p95 ${p95.toFixed(1)} ms (target < ${TARGET_P95_MS} ms: ${p95 < TARGET_P95_MS ? 'met' : 'NOT met'}); the console adds ${(percentile(page, 50) - percentile(api, 50)).toFixed(1)} ms at p50, ${(p95 - percentile(api, 95)).toFixed(1)} ms at p95\n`,
    );
    process.stdout.write(
      `  CPU per request: the console ${cpuMs.console.toFixed(1)} ms per page (session, token, rendering); referral-intake ${cpuMs.intake.toFixed(1)} ms per list call (the page's and the direct ones)\n`,
    );
    process.stdout.write(
      `  setup: ${REFERRALS} referrals submitted through the API in ${(submitMs / 1000).toFixed(0)} s at concurrency ${CONCURRENCY}; the pipeline was idle ${(idleMs / 1000).toFixed(0)} s later\n`,
    );
  } finally {
    await stack.stop();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`[bench] FAILED: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
