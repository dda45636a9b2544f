import { DEV_JWT_SECRET } from '@rj/shared/auth';
import {
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { EnvBoolean, EnvList, EnvNumber, IsUrlWithProtocol } from './env-decorators';

export const NODE_ENVS = ['development', 'test', 'production'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * What every service reads from its environment. Apps extend it with their own variables;
 * defaults serve local development, and production refuses the ones that are secrets
 * (validate-config.ts). Property initialisers are the defaults.
 */
export class BaseServiceEnv {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @IsOptional()
  @IsString()
  SERVICE_NAME?: string;

  // 0 asks the OS for a free port (tests); bootstrapService returns the real URL.
  @EnvNumber()
  @IsInt({ message: 'must be a number between 0 and 65535' })
  @Min(0, { message: 'must be a number between 0 and 65535' })
  @Max(65535, { message: 'must be a number between 0 and 65535' })
  PORT!: number;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL = 'info';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must be a size such as 256kb or 1mb' })
  BODY_LIMIT = '256kb';

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  DATABASE_URL!: string;

  /**
   * Frequent statements stay prepared on each database connection (parsed and planned once).
   * Turn off only behind a pooler that does not keep a connection's prepared statements.
   */
  @EnvBoolean()
  @IsBoolean()
  DATABASE_PREPARED_STATEMENTS = true;

  @IsUrlWithProtocol(['redis:', 'rediss:'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  @EnvList()
  @ArrayMinSize(1, { message: 'must list at least one host:port' })
  @Matches(/^[^\s:,]+:\d{1,5}$/, { each: true, message: 'must be a comma-separated list of host:port' })
  KAFKA_BROKERS: string[] = ['127.0.0.1:9092'];

  @IsOptional()
  @IsString()
  KAFKA_CLIENT_ID?: string;

  /** Prepended to every topic name, so environments can share one cluster. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]*$/, { message: 'may hold only letters, digits, dot, underscore and dash' })
  KAFKA_TOPIC_PREFIX = '';

  /**
   * At most this many bytes of events in one fetch of the service's consumer (a quarter of it
   * from one partition). A consumer that has fallen behind holds a whole fetch while it applies
   * it, so this bounds its memory in a catch-up: with kafkajs's own 10 MB, outcome-tracking and
   * audit-ledger peaked 30–35 MB higher (docs/operations/capacity.md). 1 MB is still several
   * hundred events, more than one transaction applies (100).
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(16_384, { message: 'must be at least 16384 bytes' })
  KAFKA_FETCH_MAX_BYTES = 1_048_576;

  /**
   * A fetch of the service's consumer waits at the broker until this many bytes of events are
   * there, or KAFKA_FETCH_MAX_WAIT_MS has passed. 1 returns with the first event: right for a
   * service on a referral's path to its offer. mediation-scheduling, off that path and skipping
   * most of what it reads, takes 64 KB in its manifests: a steady stream then reaches it in fewer
   * fetches, at less CPU per event (docs/operations/capacity.md).
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of bytes' })
  @Min(1, { message: 'must be at least 1 byte' })
  KAFKA_FETCH_MIN_BYTES = 1;

  /**
   * How long a fetch waits for KAFKA_FETCH_MIN_BYTES before it returns what there is: the most an
   * event waits for company. Also how long an idle consumer's fetch stays open at the broker.
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(10, { message: 'must be at least 10 ms' })
  @Max(5000, { message: 'must be at most 5000 ms (the consumer session outlives a fetch)' })
  KAFKA_FETCH_MAX_WAIT_MS = 5000;

  /**
   * At most this many consecutive events of a partition applied in one transaction (one commit).
   * More saves commits when a consumer has fallen behind; every event of a run waits for the
   * run's commit, so fewer shortens that wait (docs/operations/capacity.md).
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of events' })
  @Min(1, { message: 'must be at least 1' })
  CONSUMER_MAX_EVENTS_PER_TRANSACTION = 100;

  /**
   * The longest a partition waits, in a catch-up, for the consumer's other topics to reach the
   * time of its next event, so that the event finds what it depends on instead of being parked
   * (docs/operations/capacity.md). 0: topics are not kept in step.
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be 0 (off) or more' })
  @Max(60_000, { message: 'must be at most 60000 ms' })
  CONSUMER_TOPIC_WAIT_MAX_MS = 1000;

  /**
   * HS256 shared secret, for automated tests and for a service run alone without an identity
   * provider. Accepted only when NODE_ENV=test or AUTH_JWKS_URL is unset (auth-settings.ts):
   * under `npm start` and in production services accept the identity provider's tokens only.
   */
  // HS256 needs a key at least as long as the hash (RFC 7518 §3.2).
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUTH_JWT_SECRET = DEV_JWT_SECRET;

  /** The identity provider's JWKS: RS256 tokens of people and services. */
  @IsOptional()
  @IsUrlWithProtocol(['https:', 'http:'])
  AUTH_JWKS_URL?: string;

  @IsOptional()
  @IsString()
  AUTH_ISSUER?: string;

  @IsOptional()
  @IsString()
  AUTH_AUDIENCE?: string;

  /** At most one JWKS fetch per this interval, however many unknown key ids arrive. */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000, { message: 'must be at least 1000 ms' })
  AUTH_JWKS_MIN_REFRESH_MS = 30_000;

  /** Failed authentications one client address may make per window before 429 (default 20; 10000 under NODE_ENV=test). */
  @IsOptional()
  @EnvNumber()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  AUTH_FAILURE_LIMIT?: number;

  @EnvNumber()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be at least 1 second' })
  AUTH_FAILURE_WINDOW_S = 60;

  /**
   * Prefix of the failure counters in Redis. The services of one platform share it, so a client
   * is limited platform-wide; by default it carries KAFKA_TOPIC_PREFIX, so environments sharing
   * a Redis (a developer's `npm start` beside a test run) never count each other's failures.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:._-]{1,64}$/, { message: 'may hold 1-64 letters, digits, colon, dot, underscore and dash' })
  AUTH_FAILURE_KEY_PREFIX?: string;

  @IsUrlWithProtocol(['smtp:', 'smtps:'])
  SMTP_URL = 'smtp://127.0.0.1:1025';

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Restorative Justice Platform <no-reply@rj.invalid>';

  /**
   * The internal listener (/metrics; referral-intake's key store): PORT + 1000 when unset.
   * Never the public port (bootstrapService refuses it).
   */
  @IsOptional()
  @EnvNumber()
  @IsInt({ message: 'must be a number between 0 and 65535' })
  @Min(0, { message: 'must be a number between 0 and 65535' })
  @Max(65535, { message: 'must be a number between 0 and 65535' })
  INTERNAL_PORT?: number;

  /** The address the internal listener binds to: loopback by default; the pod's (0.0.0.0) in containers. */
  @IsString()
  @Matches(/^[0-9A-Za-z.:-]{1,253}$/, { message: 'must be a host name or an IP address' })
  INTERNAL_HOST = '127.0.0.1';

  /** Browser origins (scheme://host[:port]) allowed to call the API cross-origin; none by default. */
  @EnvList()
  @Matches(/^https?:\/\/[^/\s,]+$/, {
    each: true,
    message: 'must be a comma-separated list of origins such as https://console.example.org',
  })
  CORS_ORIGINS: string[] = [];

  /**
   * Requests a process works on at once (health probes aside); one more is answered 503 with
   * Retry-After at once instead of queueing for a database connection (overload protection).
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  MAX_IN_FLIGHT_REQUESTS = 32;

  /**
   * Sockets listening on the public port (Linux; one elsewhere). Node accepts one connection
   * per socket per turn of its event loop, so under load a single socket lets a burst of new
   * connections queue in the kernel for seconds; several accept that many per turn.
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  @Max(64, { message: 'must be at most 64' })
  HTTP_ACCEPT_SOCKETS = 64;

  /**
   * How long the public port keeps an idle kept-alive connection open. Longer than the idle
   * timeout of any proxy in front (ingress-nginx keeps upstream connections 60 s): Node's own
   * 5 s would close connections the proxy still counts on, and a request the proxy sends on one
   * as it closes fails (a 502 for a POST, which a proxy does not retry).
   */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(1000, { message: 'must be at least 1000 ms' })
  HTTP_KEEP_ALIVE_TIMEOUT_MS = 65_000;

  /** The Retry-After of that 503, in seconds. */
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(1, { message: 'must be at least 1 second' })
  OVERLOAD_RETRY_AFTER_S = 1;

  // Kubernetes sends SIGKILL 30 s after SIGTERM by default; finish before it does.
  @EnvNumber()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be a whole number of milliseconds' })
  SHUTDOWN_GRACE_MS = 25_000;
}
