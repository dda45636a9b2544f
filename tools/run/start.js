#!/usr/bin/env node
'use strict';
/**
 * `npm start`: the whole product on one machine, for a person.
 *   .env (when present) → infrastructure (Kafka, Postgres/Redis checks, topics, migrations) →
 *   the mail catcher → the development identity provider → the five services → the web
 *   console → demo data when the platform is empty → one block saying where to go.
 * The services verify people's and services' tokens as RS256 through the provider's JWKS,
 * exactly as in production (no shared HS256 secret is given to them); the two services that
 * decrypt get their own client credentials for the key store. On a terminal the children's
 * JSON logs are shown readable, with a coloured prefix per process (LOG_FORMAT=json keeps
 * them raw). Ctrl-C (or SIGTERM) stops every child gracefully, and the Kafka broker too if
 * this command started it.
 *   SERVICES=referral-intake,partner-matching   runs only those services (no demo data then)
 *   SEED_DEMO=false                            no demo data, even on an empty platform
 *   SMTP_URL=smtp://mail.example:25            real mail server: no mail catcher
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');
const { loadEnvFile } = require('./env-file');

// Before anything reads the environment: the shell's variables win over the file's.
const envFile = require.main === module ? loadEnvFile(path.join(ROOT, '.env')) : null;

const { up } = require('../infra/up');
const { stopKafka } = require('../infra/kafka');
const { consoleEnv, readyLines, seedEnv, serviceUrls } = require('./console-env');
const { createLineFormatter, pipeFormatted, wantsPrettyLogs } = require('./log-lines');
const { mailCatcherAnswers, mailCatcherArgs, mailCatcherPlan, portTaken } = require('./mail-catcher');

const REGISTER = path.join(ROOT, 'tools/runtime/register.js');
const topology = require('../../libs/shared/contracts/src/lib/topology/topology.json');
/** What each service does under `npm start` beyond its place in the topology (ports from topology.json). */
const ROLES = {
  'referral-intake': {
    extra: `internal key store on http://127.0.0.1:${topology.services['referral-intake'].internalPort} (services that decrypt only)`,
  },
  'partner-matching': {},
  'mediation-scheduling': { decrypts: true },
  'outcome-tracking': { decrypts: true },
  // Calls the checkpoint signer with its own service token (client credentials); never the key store.
  'audit-ledger': {
    credentials: true,
    extra: `checkpoint signer on http://127.0.0.1:${topology.signer.port} (holds the signing key; audit-ledger only)`,
  },
};
const SERVICES = Object.entries(topology.services).map(([name, { port }]) => ({ name, port, ...ROLES[name] }));
/** The checkpoint signer: its own process, the only one with the checkpoint private key (issue 14, item 7). */
const SIGNER = {
  name: topology.signer.name,
  port: topology.signer.port,
  internalPort: topology.signer.internalPort,
  main: 'apps/audit-ledger/src/signer-main.ts',
};
const KEY_STORE_URL = `http://127.0.0.1:${topology.services['referral-intake'].internalPort}`;
const IDP_PORT = Number(process.env.IDP_PORT || 3100);
const IDP_ISSUER = (process.env.IDP_ISSUER || `http://127.0.0.1:${IDP_PORT}`).replace(/\/$/, '');
const AUDIENCE = process.env.IDP_AUDIENCE || 'rj-platform';
const SERVICE_SECRET = process.env.IDP_SERVICE_SECRET || 'dev-service-secret';
// The provider's default redirect URIs name this port; both move together with CONSOLE_PORT.
const CONSOLE_PORT = Number(process.env.CONSOLE_PORT || topology.console.port);
const CONSOLE_URL = `http://127.0.0.1:${CONSOLE_PORT}`;

const IDP_NAME = 'identity provider';
const MAIL_NAME = 'mail catcher';
const CONSOLE_NAME = 'console';
const SEED_NAME = 'seed';

function say(line) {
  process.stderr.write(`[start] ${line}\n`);
}

/**
 * The environment of one service under `npm start`: the provider's JWKS, issuer and audience;
 * no HS256 secret; client credentials and the key store's address only for the services that
 * decrypt. Exported for the tests.
 */
function serviceEnv(service, { baseEnv, brokers, discovery }) {
  const env = {
    ...baseEnv,
    KAFKA_BROKERS: brokers.join(','),
    AUTH_JWKS_URL: discovery.jwks_uri,
    AUTH_ISSUER: discovery.issuer,
    AUTH_AUDIENCE: AUDIENCE,
  };
  // The checkpoint key (from a .env) belongs to the signer alone.
  for (const name of [
    'AUTH_JWT_SECRET',
    'AUTH_CLIENT_ID',
    'AUTH_CLIENT_SECRET',
    'AUTH_TOKEN_URL',
    'SERVICE_TOKEN',
    'PII_KEY_STORE_URL',
    'AUDIT_CHECKPOINT_PRIVATE_KEY',
  ])
    delete env[name];
  if (service.decrypts || service.credentials)
    Object.assign(env, { AUTH_CLIENT_ID: service.name, AUTH_CLIENT_SECRET: SERVICE_SECRET });
  if (service.decrypts) env.PII_KEY_STORE_URL = baseEnv.PII_KEY_STORE_URL || KEY_STORE_URL;
  if (service.name === 'audit-ledger') env.AUDIT_SIGNER_URL = `http://127.0.0.1:${SIGNER.port}`;
  return env;
}

/** The checkpoint signer's environment: the provider's JWKS to check audit-ledger's token; no credentials of its own. */
function signerEnv({ baseEnv, discovery }) {
  const env = {
    ...baseEnv,
    PORT: String(SIGNER.port),
    INTERNAL_PORT: String(SIGNER.internalPort),
    AUTH_JWKS_URL: discovery.jwks_uri,
    AUTH_ISSUER: discovery.issuer,
    AUTH_AUDIENCE: AUDIENCE,
  };
  for (const name of [
    'AUTH_JWT_SECRET',
    'AUTH_CLIENT_ID',
    'AUTH_CLIENT_SECRET',
    'AUTH_TOKEN_URL',
    'SERVICE_TOKEN',
    'PII_KEY_STORE_URL',
    'AUDIT_SIGNER_URL',
  ])
    delete env[name];
  return env;
}

async function main() {
  const startedAt = Date.now();
  if (envFile) {
    say(
      `.env: ${Object.keys(envFile.set).length} variable(s) added${envFile.skipped.length ? `; skipped ${envFile.skipped.join(', ')} (each service has its own)` : ''}`,
    );
  }
  const infra = await up();
  const wanted = process.env.SERVICES ? new Set(process.env.SERVICES.split(',')) : null;
  const pretty = wantsPrettyLogs(process.env, process.stdout);
  const children = [];
  let stopping = false;

  async function stop(code) {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    // The console and the seed first, then the services, then what the services lean on.
    const order = [
      [CONSOLE_NAME, SEED_NAME, 'front door'],
      SERVICES.map((s) => s.name),
      [SIGNER.name, IDP_NAME, MAIL_NAME],
    ];
    for (const names of order) {
      const group = children.filter((c) => names.includes(c.name));
      await Promise.all(
        group.map(
          ({ child }) =>
            new Promise((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              child.once('exit', resolve);
              child.kill('SIGTERM');
            }),
        ),
      );
    }
    if (!infra.reused && !infra.external) {
      say('stopping the Kafka broker this command started');
      await stopKafka({ port: Number(process.env.KAFKA_LOCAL_PORT || 9092) });
    }
    process.exit(code);
  }

  /**
   * Starts one child process, its output readable on a terminal. Unless `mayEnd`, its ending
   * on its own stops everything. Returns the child.
   */
  function startChild(name, args, env, { mayEnd = false } = {}) {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env,
      stdio: ['ignore', pretty ? 'pipe' : 'inherit', pretty ? 'pipe' : 'inherit'],
    });
    if (pretty) {
      const format = createLineFormatter(name, { index: children.length });
      pipeFormatted(child.stdout, process.stdout, format);
      pipeFormatted(child.stderr, process.stderr, format);
    }
    if (!mayEnd) {
      child.on('exit', (code, signal) => {
        if (stopping) return;
        say(`${name} exited (${signal ?? code}); stopping the others`);
        void stop(1);
      });
    }
    children.push({ name, child });
    return child;
  }

  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const services = SERVICES.filter((s) => !wanted || wanted.has(s.name));
  const urls = serviceUrls(services);
  let discovery;
  let mail;
  let seed;
  try {
    mail = await startMailCatcher(startChild, () => stopping);
    startChild(IDP_NAME, [path.join(ROOT, 'tools/idp/server.mjs')], {
      ...process.env,
      IDP_PORT: String(IDP_PORT),
      IDP_ISSUER,
      IDP_CONSOLE_REDIRECT_URIS: process.env.IDP_CONSOLE_REDIRECT_URIS || `${CONSOLE_URL}/auth/callback`,
      IDP_CONSOLE_POST_LOGOUT_URIS: process.env.IDP_CONSOLE_POST_LOGOUT_URIS || `${CONSOLE_URL}/signed-out`,
    });
    discovery = await waitForDiscovery(IDP_ISSUER);
    if (services.some((service) => service.name === 'audit-ledger')) {
      startChild(
        SIGNER.name,
        ['-r', REGISTER, path.join(ROOT, SIGNER.main)],
        signerEnv({ baseEnv: process.env, discovery }),
      );
      await waitUntilReady(SIGNER.name, `http://127.0.0.1:${SIGNER.port}`);
    }
    for (const service of services) {
      startChild(
        service.name,
        ['-r', REGISTER, path.join(ROOT, 'apps', service.name, 'src/main.ts')],
        serviceEnv(service, { baseEnv: process.env, brokers: infra.brokers, discovery }),
      );
    }
    await Promise.all(services.map((service) => waitUntilReady(service.name, `http://127.0.0.1:${service.port}`)));
    // The whole API at one origin (tools/front-door); if its port is taken it says so and the rest runs on.
    startChild('front door', ['-r', REGISTER, path.join(ROOT, 'tools/front-door/main.ts')], process.env, {
      mayEnd: true,
    });
    startChild(
      CONSOLE_NAME,
      ['-r', REGISTER, path.join(ROOT, 'apps/console/src/main.ts')],
      consoleEnv(process.env, { port: CONSOLE_PORT, issuer: IDP_ISSUER, urls }),
    );
    await waitUntilReady(CONSOLE_NAME, CONSOLE_URL);
    seed = await seedDemoData(startChild, { services, urls });
  } catch (error) {
    say(`FAILED: ${error.message}`);
    return stop(1);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(0);
  for (const line of readyLines({
    seconds,
    consoleUrl: CONSOLE_URL,
    issuer: IDP_ISSUER,
    jwksUri: discovery.jwks_uri,
    services,
    mail,
    seed,
  }))
    say(line);
  say(
    `  ${'front door (the API)'.padEnd(22)} http://127.0.0.1:${process.env.FRONT_DOOR_PORT || 8080}  (every service at one origin; docs /api/docs, events /api/asyncapi.json)`,
  );
}

/** Starts maildev unless SMTP_URL names another server or one already answers; says which. */
async function startMailCatcher(startChild, isStopping) {
  const plan = mailCatcherPlan(process.env);
  if (!plan.start) return `not started: ${plan.reason}`;
  if (await mailCatcherAnswers(plan.webUrl))
    return `${plan.webUrl}  (one was already running; e-mail sent to ${plan.smtpUrl})`;
  if (await portTaken(plan.smtpPort))
    return `not started: something already listens on ${plan.smtpUrl}, and e-mail goes there`;
  // E-mail is not what the platform stands on: a catcher that stops is reported, not fatal.
  const child = startChild(MAIL_NAME, mailCatcherArgs(plan, ROOT), process.env, { mayEnd: true });
  let ended = false;
  child.once('exit', (code, signal) => {
    ended = true;
    if (!isStopping()) say(`the mail catcher exited (${signal ?? code}); e-mail will fail and be retried`);
  });
  const deadline = Date.now() + 30_000;
  while (!(await mailCatcherAnswers(plan.webUrl))) {
    if (ended || Date.now() > deadline)
      return `not started: it did not answer at ${plan.webUrl} (its lines above say why)`;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return `${plan.webUrl}  (every e-mail the services send, to ${plan.smtpUrl})`;
}

/**
 * Demo data for an empty platform: the seed CLI in its own process, with --if-empty, so a
 * platform that already has offices is left as it is (and SEED_DEMO=false skips it). A seed
 * that fails is reported; the platform keeps running. Returns the line for the summary.
 */
async function seedDemoData(startChild, { services, urls }) {
  if (/^(false|0|no|off)$/i.test((process.env.SEED_DEMO ?? '').trim())) return 'No demo data (SEED_DEMO=false).';
  if (services.length < SERVICES.length) return 'No demo data: it needs all five services (SERVICES is set).';
  say('demo data: seeding the platform if it is empty…');
  const child = startChild(
    SEED_NAME,
    ['-r', REGISTER, path.join(ROOT, 'tools/seed/cli.ts'), '--if-empty'],
    seedEnv(process.env, { issuer: IDP_ISSUER, urls }),
    { mayEnd: true },
  );
  const code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? signal)));
  if (code === 0)
    return 'Demo data: the seed lines above say what it made (or that the platform already had offices); the sign-in page lists an account for each demo office, partner and mediator.';
  return `Demo data could not be completed (seed exited ${code}, its lines above say why); run npm run seed:demo to try again.`;
}

async function waitForDiscovery(issuer, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`);
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `the identity provider did not publish its discovery document at ${issuer} within ${timeoutMs / 1000} s`,
  );
}

async function waitUntilReady(name, baseUrl, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s`);
}

if (require.main === module) {
  main().catch((error) => {
    say(`FAILED: ${error.message}`);
    process.exit(1);
  });
}

module.exports = { serviceEnv, signerEnv, SERVICES, SIGNER };
