import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf } from 'class-validator';
import { localDatabaseUrl, SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { BaseServiceEnv, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

/** mediation-scheduling's environment: the platform's base variables plus its own. See .env.example. */
export class MediationSchedulingEnv extends BaseServiceEnv {
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = SERVICE_TOPOLOGY['mediation-scheduling'].port;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = localDatabaseUrl(SERVICE_TOPOLOGY['mediation-scheduling']);

  /** referral-intake's internal key store (architecture.md, Personal data). */
  @IsUrlWithProtocol(['http:', 'https:'])
  PII_KEY_STORE_URL = 'http://127.0.0.1:4001';

  /** This service's client id at the identity provider (its service tokens' `sub`). */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be a lower-case service name such as mediation-scheduling' })
  AUTH_CLIENT_ID = 'mediation-scheduling';

  /**
   * Its client secret there: service tokens come from the identity provider by client
   * credentials (token endpoint from AUTH_ISSUER's discovery, or AUTH_TOKEN_URL), renewed
   * before expiry. Required in production; without it, tests mint HS256 tokens instead.
   */
  @ValidateIf((env: MediationSchedulingEnv) => env.NODE_ENV === 'production' || env.AUTH_CLIENT_SECRET !== undefined)
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  AUTH_CLIENT_SECRET?: string;

  @IsOptional()
  @IsUrlWithProtocol(['http:', 'https:'])
  AUTH_TOKEN_URL?: string;

  /** Minutes before a session that reminders go out (product.md, Dialogue), e.g. a day and two hours. */
  @Matches(/^\s*\d{1,5}\s*(,\s*\d{1,5}\s*)*$/, {
    message: 'must be a comma-separated list of whole minutes, e.g. 1440,120',
  })
  REMINDER_OFFSETS_MINUTES = '1440,120';

  /**
   * Days a participant's safe channels stay confirmed: a reminder goes out only on channels
   * confirmed within this window (by a mediator, or by the referral when the case opened).
   */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(366)
  SAFE_CHANNEL_CONFIRMATION_DAYS = 30;

  /** How often the sweep re-creates reminder jobs Redis lost (it also runs at start-up). */
  @EnvNumber()
  @IsInt()
  @Min(1000)
  REMINDER_SWEEP_INTERVAL_MS = 300_000;

  /** How far back a session may be recorded after the fact (product.md, Preparation before dialogue). */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(24 * 90)
  SESSION_BACKDATE_WINDOW_HOURS = 72;

  /**
   * BullMQ key prefix, this service's own: every service has a `notifications` queue, and on
   * a shared Redis one service's workers must never take another's jobs.
   */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'may hold 1-64 letters, digits, dot, underscore and dash' })
  JOBS_PREFIX = 'rj-mediation-scheduling';

  /** How long a fetched data key stays in memory (architecture.md: briefly, e.g. 60 s). */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  KEY_CACHE_TTL_MS = 60_000;
}
