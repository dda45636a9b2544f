import { CONSOLE_PORT, localServiceUrl } from '@rj/shared/contracts';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { DEFAULT_DASHBOARD_QUEUES, QUEUE_LIST_PATTERN } from './admin/queues/queue-list';
import {
  DEV_SECRETS,
  EnvNumber,
  IsUrlWithProtocol,
  LOG_LEVELS,
  NODE_ENVS,
  validateConfig,
  type NodeEnv,
} from '@rj/shared/service';

/** Development default of SESSION_SECRET; production refuses it (see loadConsoleConfig). */
export const DEV_SESSION_SECRET = 'dev-console-session-secret-0123456789';
export const DEV_OIDC_CLIENT_SECRET = 'dev-console-secret';

/**
 * The console's environment. It owns no domain data: it needs its sessions' Redis, the
 * identity provider, and the public URLs of the five services it calls for the signed-in
 * person. Property initialisers are the development defaults.
 */
export class ConsoleEnv {
  @IsIn(NODE_ENVS, { message: `must be one of ${NODE_ENVS.join(', ')}` })
  NODE_ENV: NodeEnv = 'development';

  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = CONSOLE_PORT;

  /** Interface to bind; loopback by default, the pod's address behind an ingress. */
  @IsString()
  HOST = '127.0.0.1';

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL = 'info';

  /** Where people reach the console; the sign-in redirect and secure cookies derive from it. */
  @IsUrlWithProtocol(['http:', 'https:'])
  PUBLIC_URL = `http://127.0.0.1:${CONSOLE_PORT}`;

  @IsUrlWithProtocol(['redis:', 'rediss:'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Prefix of the session keys in Redis, so environments can share a server. */
  @Matches(/^[A-Za-z0-9:._-]{1,64}$/, { message: 'letters, digits, colon, dot, underscore or dash' })
  SESSION_PREFIX = 'rj-console:session:';

  @MinLength(32, { message: 'must be at least 32 characters' })
  SESSION_SECRET = DEV_SESSION_SECRET;

  /** Signed out after this long without a request (warned a few minutes before). */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(24 * 60)
  SESSION_IDLE_MINUTES = 30;

  /** Signed out this long after signing in, however active. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 60)
  SESSION_ABSOLUTE_MINUTES = 12 * 60;

  /** The OpenID Connect issuer (its discovery document is read at start-up). */
  @IsUrlWithProtocol(['http:', 'https:'])
  OIDC_ISSUER = 'http://127.0.0.1:3100';

  @IsString()
  OIDC_CLIENT_ID = 'rj-console';

  @IsString()
  OIDC_CLIENT_SECRET = DEV_OIDC_CLIENT_SECRET;

  @IsString()
  OIDC_SCOPE = 'openid profile';

  /** Sent as the resource indicator so the access token is a JWT for the services' audience. */
  @IsOptional()
  @IsString()
  OIDC_RESOURCE?: string = 'rj-platform';

  @IsUrlWithProtocol(['http:', 'https:'])
  REFERRAL_INTAKE_URL = localServiceUrl('referral-intake');

  @IsUrlWithProtocol(['http:', 'https:'])
  PARTNER_MATCHING_URL = localServiceUrl('partner-matching');

  @IsUrlWithProtocol(['http:', 'https:'])
  MEDIATION_SCHEDULING_URL = localServiceUrl('mediation-scheduling');

  @IsUrlWithProtocol(['http:', 'https:'])
  OUTCOME_TRACKING_URL = localServiceUrl('outcome-tracking');

  @IsUrlWithProtocol(['http:', 'https:'])
  AUDIT_LEDGER_URL = localServiceUrl('audit-ledger');

  /** How long a call to a service may take before the person sees the error page. */
  @EnvNumber()
  @IsInt()
  @Min(100)
  @Max(120_000)
  API_TIMEOUT_MS = 15_000;

  /**
   * The job queues the administrators' read-only dashboard shows (/admin/queues), as
   * comma-separated `prefix:queue` pairs: each service's JOBS_PREFIX and its queue's name.
   */
  @Matches(QUEUE_LIST_PATTERN, {
    message: 'must be comma-separated prefix:queue pairs (letters, digits, dot, underscore or dash)',
  })
  QUEUE_DASHBOARD_QUEUES = DEFAULT_DASHBOARD_QUEUES;
}

// The shared validator refuses these development defaults in production, as for every *_SECRET.
DEV_SECRETS.add(DEV_SESSION_SECRET);
DEV_SECRETS.add(DEV_OIDC_CLIENT_SECRET);

/** The console's config, or one line per problem (production refuses development secrets and plain http). */
export function validateConsoleConfig(env: Record<string, string | undefined>): {
  config?: Readonly<ConsoleEnv>;
  errors: string[];
} {
  const result = validateConfig(ConsoleEnv, env);
  if (result.errors) return { errors: result.errors };
  if (result.config.NODE_ENV === 'production' && !result.config.PUBLIC_URL.startsWith('https:')) {
    return { errors: ['[config] PUBLIC_URL: must be https in production (session cookies are Secure)'] };
  }
  return { config: result.config, errors: [] };
}
