/**
 * The whole platform as real processes: each of the five services started with
 * `node -r tools/runtime/register.js apps/<service>/src/main.ts` on a fresh database of its
 * own, under a topic prefix and job prefixes of this run, against any Kafka and Redis (the
 * fault run passes its own broker and Redis on other ports). Services can be killed with
 * SIGKILL and started again on the same ports and databases, as an orchestrator would.
 */
import { randomBytes } from 'node:crypto';
import { AUDIT_DATABASE } from '@rj/audit/data-access';
import { MATCHING_DATABASE } from '@rj/matching/data-access';
import { OUTCOME_DATABASE } from '@rj/outcome/data-access';
import { REFERRAL_DATABASE } from '@rj/referral/data-access';
import { SCHEDULING_DATABASE } from '@rj/scheduling/data-access';
import { mintToken, DEV_JWT_SECRET } from '@rj/shared/auth';
import type { Role } from '@rj/shared/contracts';
import {
  createScratchDatabase,
  httpRequest,
  spawnBuilt,
  spawnTs,
  type HttpResult,
  type ScratchDatabase,
  type SpawnedProcess,
} from '@rj/shared/testing';
import { startFrontDoor, type RunningFrontDoor } from '../front-door/server';

// tools/infra/services.js is plain CommonJS shared with the shell-facing infra scripts.
const { freePort } = require('../infra/services');

export const SERVICE_NAMES = [
  'referral-intake',
  'partner-matching',
  'mediation-scheduling',
  'outcome-tracking',
  'audit-ledger',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
/** The services that fetch data keys from referral-intake's key store. */
export const DECRYPTING_SERVICES: readonly ServiceName[] = ['mediation-scheduling', 'outcome-tracking'];

const DATABASES: Record<ServiceName, { migrations: (new () => unknown)[]; entities: (new () => unknown)[] }> = {
  'referral-intake': REFERRAL_DATABASE,
  'partner-matching': MATCHING_DATABASE,
  'mediation-scheduling': SCHEDULING_DATABASE,
  'outcome-tracking': OUTCOME_DATABASE,
  'audit-ledger': AUDIT_DATABASE,
};

export interface PlatformOptions {
  brokers?: string[];
  redisUrl?: string;
  smtpUrl?: string;
  /** Extra environment for every service, or per service. */
  env?: Record<string, string>;
  serviceEnv?: Partial<Record<ServiceName, Record<string, string>>>;
  topicPrefix: string;
  /** Print the services' output (LOG_LEVEL decides how much). */
  echo?: boolean;
  /**
   * Run the tsc build in dist/ (`npm run build` first) as the container image does, instead of
   * the sources through swc: a benchmark of memory then measures what production runs.
   */
  fromBuild?: boolean;
  /**
   * Send `request` through a front door that checks every answer against the merged OpenAPI
   * document (docs/reference/openapi.json); `stop()` then fails listing every answer that did
   * not match. Default: FRONT_DOOR_VALIDATE=1 in the environment (CI's end-to-end step).
   */
  validateContracts?: boolean;
  /**
   * Each service in a session of its own (SpawnOptions.ownSession): on Linux, a scheduling group
   * of its own, weighed against the database, the broker and the load generator as a pod is on
   * a node. A benchmark then sets a service's weight with its group's nice value.
   */
  ownSessions?: boolean;
}

const VALIDATE_BY_DEFAULT = /^(1|true|yes|on)$/i.test(process.env.FRONT_DOOR_VALIDATE ?? '');

export interface RunningPlatform {
  urls: Record<ServiceName, string>;
  /** Each service's internal listener (/metrics; referral-intake's key store). */
  internalUrls: Record<ServiceName, string>;
  /** The validating front door's URL when contracts are checked (validateContracts). */
  frontDoorUrl?: string;
  /** Answers that did not match the OpenAPI document so far (validateContracts). */
  contractViolations: string[];
  keyStoreUrl: string;
  databases: Record<ServiceName, ScratchDatabase>;
  processes: Record<ServiceName, SpawnedProcess>;
  token(role: Role, org?: string | null, sub?: string): string;
  request<T = any>(
    service: ServiceName,
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<HttpResult<T>>;
  kill(service: ServiceName, signal?: NodeJS.Signals): Promise<number | NodeJS.Signals>;
  start(service: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const run = randomBytes(3).toString('hex');
  const ports = Object.fromEntries(
    await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()])),
  ) as Record<ServiceName, number>;
  // Every service's internal listener on a free port of its own: the default (public port +
  // 1000) can land on another service's random public port and answer for it.
  const internalPorts = Object.fromEntries(
    await Promise.all(SERVICE_NAMES.map(async (name) => [name, await freePort()])),
  ) as Record<ServiceName, number>;
  const internalPort = internalPorts['referral-intake'];
  // The five databases at once: each is created and migrated on its own connection (seconds saved per platform).
  const created = await Promise.allSettled(
    SERVICE_NAMES.map((name) => createScratchDatabase(`e2e_${name.replace(/-/g, '_')}`, DATABASES[name])),
  );
  const failed = created.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(created.map((result) => (result.status === 'fulfilled' ? result.value.drop() : undefined)));
    throw failed.reason;
  }
  const databases = Object.fromEntries(
    SERVICE_NAMES.map((name, index) => [name, (created[index] as PromiseFulfilledResult<ScratchDatabase>).value]),
  ) as Record<ServiceName, ScratchDatabase>;
  const keyStoreUrl = `http://127.0.0.1:${internalPort}`;
  const envOf = (name: ServiceName): Record<string, string> => ({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    PORT: String(ports[name]),
    DATABASE_URL: databases[name].url,
    KAFKA_BROKERS: (options.brokers ?? (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',')).join(','),
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    REDIS_URL: options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    JOBS_PREFIX: `e2e-${run}-${name}`,
    SMTP_URL: options.smtpUrl ?? 'smtp://127.0.0.1:1025',
    // Tests keep the HS256 shared secret; `npm start` and production verify RS256 via a JWKS.
    AUTH_JWT_SECRET: DEV_JWT_SECRET,
    // Only the services that decrypt learn where the key store is (hardening 2).
    ...(DECRYPTING_SERVICES.includes(name) ? { PII_KEY_STORE_URL: keyStoreUrl } : {}),
    INTERNAL_PORT: String(internalPorts[name]),
    ...options.env,
    ...options.serviceEnv?.[name],
  });
  const processes = {} as Record<ServiceName, SpawnedProcess>;
  const urls = Object.fromEntries(SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}`])) as Record<
    ServiceName,
    string
  >;

  async function start(name: ServiceName): Promise<void> {
    const child = options.fromBuild
      ? spawnBuilt(`dist/apps/${name}/src/main.js`, envOf(name), { ownSession: options.ownSessions })
      : spawnTs(`apps/${name}/src/main.ts`, envOf(name), { ownSession: options.ownSessions });
    if (options.echo) {
      child.child.stdout?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
      child.child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[${name}] ${chunk}`));
    }
    processes[name] = child;
    await waitUntilReady(name, urls[name], child);
  }

  async function kill(name: ServiceName, signal: NodeJS.Signals = 'SIGKILL') {
    const child = processes[name];
    if (!child || child.child.exitCode !== null || child.child.signalCode !== null)
      return child?.child.exitCode ?? 'SIGKILL';
    child.kill(signal);
    return child.exited;
  }

  try {
    // All five at once: the services that decrypt fetch a data key from intake's key store only
    // when they first need one (KeyStoreClient is lazy), and nothing needs a key before intake
    // has taken a referral, so none has to wait for intake to be ready.
    await Promise.all(SERVICE_NAMES.map(start));
  } catch (error) {
    await Promise.all(SERVICE_NAMES.map((n) => kill(n)));
    await Promise.all(SERVICE_NAMES.map((n) => databases[n].drop().catch(() => undefined)));
    throw error;
  }

  const contractViolations: string[] = [];
  let frontDoor: RunningFrontDoor | undefined;
  if (options.validateContracts ?? VALIDATE_BY_DEFAULT) {
    frontDoor = await startFrontDoor({
      port: 0,
      upstreams: urls,
      validate: { onViolation: (problems) => contractViolations.push(...problems) },
    });
  }
  const base = (service: ServiceName): string => frontDoor?.url ?? urls[service];

  return {
    urls,
    internalUrls: Object.fromEntries(
      SERVICE_NAMES.map((name) => [name, `http://127.0.0.1:${internalPorts[name]}`]),
    ) as Record<ServiceName, string>,
    frontDoorUrl: frontDoor?.url,
    contractViolations,
    keyStoreUrl,
    databases,
    processes,
    token: (role, org = null, sub = `${role}-${org ?? 'platform'}`) =>
      mintToken({ sub, role, org, name: `E2E ${role}` }, DEV_JWT_SECRET),
    request: (service, method, path, requestOptions) => httpRequest(`${base(service)}${path}`, method, requestOptions),
    kill,
    start,
    stop: async () => {
      await frontDoor?.close();
      await Promise.all(SERVICE_NAMES.map((n) => kill(n, 'SIGTERM')));
      await Promise.all(SERVICE_NAMES.map((n) => databases[n].drop().catch(() => undefined)));
      if (contractViolations.length) {
        throw new Error(
          `${contractViolations.length} answer(s) did not match the OpenAPI document:\n  ${[...new Set(contractViolations)].join('\n  ')}`,
        );
      }
    },
  };
}

// A loaded machine (several suites at once on two cores) may need longer: RJ_SERVICE_READY_TIMEOUT_MS.
const READY_TIMEOUT_MS = Number(process.env['RJ_SERVICE_READY_TIMEOUT_MS'] ?? 150_000);

async function waitUntilReady(
  name: string,
  url: string,
  child: SpawnedProcess,
  timeoutMs = READY_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.child.exitCode !== null)
      throw new Error(`${name} exited while starting:\n${child.output().slice(-3000)}`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${child.output().slice(-3000)}`);
}
