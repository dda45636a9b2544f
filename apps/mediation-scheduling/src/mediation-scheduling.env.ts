import { IsInt, IsOptional, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import { BaseServiceEnv, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

/** mediation-scheduling's environment: the platform's base variables plus its own. See .env.example. */
export class MediationSchedulingEnv extends BaseServiceEnv {
  @EnvNumber() @IsInt() @Min(0) @Max(65535)
  override PORT = 3003;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rj_mediation_scheduling';

  /** referral-intake's internal key store (architecture.md, Personal data). */
  @IsUrlWithProtocol(['http:', 'https:'])
  PII_KEY_STORE_URL = 'http://127.0.0.1:4001';

  /** A pre-issued service JWT (production); otherwise one is minted with AUTH_JWT_SECRET. */
  @IsOptional() @IsString() @MinLength(20)
  SERVICE_TOKEN?: string;

  /** Minutes before a session that reminders go out (product.md, Dialogue), e.g. a day and two hours. */
  @Matches(/^\s*\d{1,5}\s*(,\s*\d{1,5}\s*)*$/, { message: 'must be a comma-separated list of whole minutes, e.g. 1440,120' })
  REMINDER_OFFSETS_MINUTES = '1440,120';

  /** How often the sweep re-creates reminder jobs Redis lost (it also runs at start-up). */
  @EnvNumber() @IsInt() @Min(1000)
  REMINDER_SWEEP_INTERVAL_MS = 300_000;

  /** How far back a session may be recorded after the fact (product.md, Preparation before dialogue). */
  @EnvNumber() @IsInt() @Min(0) @Max(24 * 90)
  SESSION_BACKDATE_WINDOW_HOURS = 72;

  /**
   * BullMQ key prefix, this service's own: every service has a `notifications` queue, and on
   * a shared Redis one service's workers must never take another's jobs.
   */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'may hold 1-64 letters, digits, dot, underscore and dash' })
  JOBS_PREFIX = 'rj-mediation-scheduling';

  /** How long a fetched data key stays in memory (architecture.md: briefly, e.g. 60 s). */
  @EnvNumber() @IsInt() @Min(0) @Max(3_600_000)
  KEY_CACHE_TTL_MS = 60_000;
}
