/**
 * What the browser tests run against, started once for all of them: the five services on
 * scratch databases (verifying RS256 tokens through the development identity provider's JWKS,
 * as in production), the identity provider with this run's demo organisations, the console, and
 * one Chromium (Debian's package, driven by playwright-core) that every test connects to.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import { createTestTopics, makeTestCertificate, spawnTs, type SpawnedProcess } from '@rj/shared/testing';
import { startIdp, type RunningIdp } from '../idp/run-idp';
import { startPlatform, type RunningPlatform } from '../e2e/platform';
import { seedDemo } from '../seed/seed-demo';

// tools/infra/services.js is plain CommonJS shared with the shell-facing infra scripts.
const { freePort } = require('../infra/services') as { freePort: () => Promise<number> };

export const AUDIENCE = 'rj-platform';

/** The file the identity provider reads its demo accounts from (one account per organisation). */
export interface OrganisationsFile {
  offices: { id: string; name: string; jurisdiction: string }[];
  partners: { id: string; name: string }[];
  mediators: { sub: string; partnerId: string; name: string }[];
}

export interface StackInfo {
  consoleUrl: string;
  idpIssuer: string;
  wsEndpoint: string;
  organisationsFile: string;
  urls: RunningPlatform['urls'];
  /** Process ids of the services, so a test can make one stop answering (SIGSTOP) for a while. */
  pids: Record<string, number>;
  /** The console's process id (the console benchmark reads its CPU time). */
  consolePid: number;
  /** Where the console keeps sessions in Redis, so a test can age one. */
  sessionPrefix: string;
  screenshotDir: string;
  /** Each service's scratch database, for a test that must arrange what no API creates (a survey link's secret). */
  databaseUrls: Record<string, string>;
  /**
   * The TLS key and certificate (for 127.0.0.1) of a test's webhook receiver: the services trust
   * the certificate (WEBHOOK_CA_FILE) and may deliver to loopback (WEBHOOK_ALLOWED_RANGES).
   */
  webhookReceiver: { keyFile: string; certFile: string };
}

export interface RunningStack {
  info: StackInfo;
  stop(): Promise<void>;
}

export function chromiumPath(): string {
  return process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
}

export interface StackOptions {
  /** Launch the shared Chromium (default); a benchmark that speaks HTTP itself does without. */
  browser?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const work = mkdtempSync(path.join(tmpdir(), 'rj-browser-'));
  const organisationsFile = path.join(work, 'organisations.json');
  const empty: OrganisationsFile = { offices: [], partners: [], mediators: [] };
  writeFileSync(organisationsFile, JSON.stringify(empty));
  const consolePort = await freePort();
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const stoppers: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  const started = Date.now();
  const phases: string[] = [];
  const timed = async <T>(phase: string, run: () => Promise<T>): Promise<T> => {
    const phaseStart = Date.now();
    const result = await run();
    phases.push(`${phase} ${seconds(phaseStart)}`);
    return result;
  };
  try {
    const idp: RunningIdp = await timed('identity provider', () =>
      startIdp({
        DEMO_ORGANISATIONS_FILE: organisationsFile,
        IDP_KEY_FILE: path.join(work, 'signing-key.json'),
        IDP_CONSOLE_REDIRECT_URIS: `${consoleUrl}/auth/callback`,
        IDP_CONSOLE_POST_LOGOUT_URIS: `${consoleUrl}/signed-out`,
        IDP_AUDIENCE: AUDIENCE,
      }),
    );
    stoppers.push(() => idp.stop());
    const topics = await createTestTopics();
    stoppers.push(() => topics.delete());
    const webhookReceiver = {
      keyFile: path.join(work, 'receiver-key.pem'),
      certFile: path.join(work, 'receiver-cert.pem'),
    };
    const certificate = makeTestCertificate();
    writeFileSync(webhookReceiver.keyFile, certificate.key);
    writeFileSync(webhookReceiver.certFile, certificate.cert);
    const platform = await timed('platform', () =>
      startPlatform({
        topicPrefix: topics.prefix,
        // Each service gets its own tokens (the key store's calls) from the provider by client
        // credentials, as under `npm start`: an HS256 token would be refused where RS256 is verified.
        env: {
          AUTH_JWKS_URL: idp.jwksUrl,
          AUTH_ISSUER: idp.issuer,
          AUTH_AUDIENCE: AUDIENCE,
          AUTH_CLIENT_SECRET: process.env['IDP_SERVICE_SECRET'] ?? 'dev-service-secret',
          // A test's webhook receiver listens on loopback with this run's certificate.
          WEBHOOK_ALLOWED_RANGES: '127.0.0.1/32',
          WEBHOOK_CA_FILE: webhookReceiver.certFile,
          // Deliveries go out at the dispatcher's next sweep (5 s by default): a test waiting
          // for one at its receiver would wait half of that on average.
          WEBHOOK_SWEEP_EVERY_MS: '500',
        },
      }),
    );
    stoppers.push(() => platform.stop());
    // The demo data, as `npm start` seeds it: every page has something real to show, and the
    // identity provider offers an account for each of its organisations. The console and the
    // browser start meanwhile: neither needs the demo data, only the addresses.
    const seeding = timed('seed', () =>
      seedDemo({ urls: platform.urls, tokenFor: (claims) => devToken(idp.issuer, claims) }),
    );
    const consoleStarting = timed('console', () =>
      startConsole(consolePort, consoleUrl, idp.issuer, platform.urls, path.basename(work)),
    );
    const browserLaunching =
      (options.browser ?? true)
        ? timed('chromium', () =>
            chromium.launchServer({
              executablePath: chromiumPath(),
              args: ['--no-sandbox', '--disable-dev-shm-usage'],
            }),
          )
        : Promise.resolve(undefined);
    const [seeded, consoleStarted, browserLaunched] = await Promise.allSettled([
      seeding,
      consoleStarting,
      browserLaunching,
    ]);
    if (consoleStarted.status === 'fulfilled') {
      const consoleProcess = consoleStarted.value;
      stoppers.push(async () => {
        consoleProcess.kill('SIGTERM');
        await consoleProcess.exited;
      });
    }
    if (browserLaunched.status === 'fulfilled' && browserLaunched.value) {
      const browser: BrowserServer = browserLaunched.value;
      stoppers.push(() => browser.close());
    }
    for (const result of [seeded, consoleStarted, browserLaunched])
      if (result.status === 'rejected') throw result.reason;
    const demo = (seeded as PromiseFulfilledResult<Awaited<typeof seeding>>).value;
    const consoleProcess = (consoleStarted as PromiseFulfilledResult<SpawnedProcess>).value;
    const wsEndpoint = (browserLaunched as PromiseFulfilledResult<BrowserServer | undefined>).value?.wsEndpoint() ?? '';
    writeFileSync(organisationsFile, JSON.stringify(demo));
    log(`ready in ${seconds(started)} (${phases.join(', ')})`);
    const screenshotDir = path.resolve(__dirname, '../../.cache/screenshots/console');
    const pids = Object.fromEntries(
      Object.entries(platform.processes).map(([name, spawned]) => [name, spawned.child.pid ?? 0]),
    );
    const info = {
      consoleUrl,
      idpIssuer: idp.issuer,
      wsEndpoint,
      organisationsFile,
      urls: platform.urls,
      pids,
      consolePid: consoleProcess.child.pid ?? 0,
      sessionPrefix: sessionPrefixOf(path.basename(work)),
      screenshotDir,
      databaseUrls: Object.fromEntries(Object.entries(platform.databases).map(([name, db]) => [name, db.url])),
      webhookReceiver,
    };
    return { info, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function startConsole(
  port: number,
  consoleUrl: string,
  issuer: string,
  urls: RunningPlatform['urls'],
  run: string,
): Promise<SpawnedProcess> {
  const child = spawnTs('apps/console/src/main.ts', {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
    PORT: String(port),
    PUBLIC_URL: consoleUrl,
    OIDC_ISSUER: issuer,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    SESSION_PREFIX: sessionPrefixOf(run),
    // Short, so a service that stops answering shows the error page quickly.
    API_TIMEOUT_MS: '4000',
    REFERRAL_INTAKE_URL: urls['referral-intake'],
    PARTNER_MATCHING_URL: urls['partner-matching'],
    MEDIATION_SCHEDULING_URL: urls['mediation-scheduling'],
    OUTCOME_TRACKING_URL: urls['outcome-tracking'],
    AUDIT_LEDGER_URL: urls['audit-ledger'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null)
      throw new Error(`the console exited while starting:\n${child.output().slice(-3000)}`);
    try {
      if ((await fetch(`${consoleUrl}/health/ready`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the console was not ready within 60 s:\n${child.output().slice(-3000)}`);
}

async function devToken(issuer: string, claims: object): Promise<string> {
  const response = await fetch(`${issuer}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(claims),
  });
  if (!response.ok) throw new Error(`the identity provider refused a token: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

/** How long the stack took to start, and where: on stderr, beside jest's own timings. */
function log(line: string): void {
  process.stderr.write(`[browser stack] ${line}\n`);
}

function sessionPrefixOf(run: string): string {
  return `rj-console-test:${run}:`;
}

export function writeStackInfo(file: string, info: StackInfo): void {
  writeFileSync(file, JSON.stringify(info));
}
