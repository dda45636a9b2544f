import { CONSOLE_PORT, localDatabaseUrl, SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import {
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
} from 'class-validator';
import { BaseServiceEnv, EnvBoolean, EnvList, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

/** A switch that may be on only under NODE_ENV=test. */
function OnlyInTests(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'onlyInTests',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'may be true only when NODE_ENV=test' },
      validator: {
        validate: (value: unknown, args) =>
          value !== true || (args?.object as { NODE_ENV?: string }).NODE_ENV === 'test',
      },
    });
}

/** outcome-tracking's environment: the platform's base variables plus its own. See .env.example. */
export class OutcomeTrackingEnv extends BaseServiceEnv {
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = SERVICE_TOPOLOGY['outcome-tracking'].port;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = localDatabaseUrl(SERVICE_TOPOLOGY['outcome-tracking']);

  /** referral-intake's internal key store, for decrypting the harmed party's address at send time. */
  @IsUrlWithProtocol(['http:', 'https:'])
  PII_KEY_STORE_URL = 'http://127.0.0.1:4001';

  /** This service's client id at the identity provider (its service tokens' `sub`). */
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,62}$/, { message: 'must be a lower-case service name such as outcome-tracking' })
  AUTH_CLIENT_ID = 'outcome-tracking';

  /**
   * Its client secret there: service tokens come from the identity provider by client
   * credentials (token endpoint from AUTH_ISSUER's discovery, or AUTH_TOKEN_URL), renewed
   * before expiry. Required in production; without it, tests mint HS256 tokens instead.
   */
  @ValidateIf((env: OutcomeTrackingEnv) => env.NODE_ENV === 'production' || env.AUTH_CLIENT_SECRET !== undefined)
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  AUTH_CLIENT_SECRET?: string;

  @IsOptional()
  @IsUrlWithProtocol(['http:', 'https:'])
  AUTH_TOKEN_URL?: string;

  /** BullMQ key prefix: this service's queues never mix with another service's on a shared Redis. */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'letters, digits, dot, underscore or dash' })
  JOBS_PREFIX = 'rj-outcome-tracking';

  /** How often the deadline and follow-up scan runs (re-registered at every start). */
  @EnvNumber()
  @IsInt()
  @Min(100)
  @Max(86_400_000)
  OUTCOME_SCAN_EVERY_MS = 15 * 60_000;

  /**
   * Days a participant's safe channels stay confirmed: the outcome notice goes out only on a
   * channel confirmed within this window (by a mediator, or by the referral when the case
   * opened). The same window as mediation-scheduling's reminders.
   */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(366)
  SAFE_CHANNEL_CONFIRMATION_DAYS = 30;

  /**
   * Where a participant opens a feedback survey: the console's public page; the link's secret
   * token is appended (`{SURVEY_BASE_URL}/{token}`). Nothing in it names the programme.
   */
  @IsUrlWithProtocol(['http:', 'https:'])
  SURVEY_BASE_URL = `http://127.0.0.1:${CONSOLE_PORT}/survey`;

  /** Months after completion when follow-ups fall due (product.md step 9). */
  @EnvList()
  @ArrayMinSize(1)
  @Matches(/^([1-9]|[1-9]\d|1[01]\d|120)$/, { each: true, message: 'each must be a whole number of months, 1 to 120' })
  FOLLOW_UP_MONTHS: string[] = ['6', '12', '24'];

  /**
   * Tests only (the end-to-end suite cannot wait six months): follow-ups fall due on the day
   * the case completes, still labelled with their FOLLOW_UP_MONTHS. Refused outside NODE_ENV=test.
   */
  @EnvBoolean()
  @IsBoolean()
  @OnlyInTests()
  FOLLOW_UP_DUE_IMMEDIATELY = false;

  /** Counts below this are withheld from the figures (product.md; docs/metrics.md). */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(1000)
  METRICS_SUPPRESSION_THRESHOLD = 5;
}
