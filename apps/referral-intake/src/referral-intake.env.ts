import { IsInt, IsString, Matches, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { IsConsistent, localDatabaseUrl, SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { DEV_MASTER_KEYS, isDevMasterKey, parseMasterKeys } from '@rj/shared/pii';
import { DEV_SECRETS, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';
import { WebhookServiceEnv } from '@rj/shared/webhooks';
import { DEV_CASE_NUMBER_INDEX_KEY, IsCaseNumberIndexKey } from './referrals/search/case-number-index-key';

// The development master key is public: production refuses it (validate-config's DEV_SECRETS).
DEV_SECRETS.add(DEV_MASTER_KEYS);

/**
 * The master keys wrapping the data keys (`<id>:<base64 of 32 bytes>[,<older id>:<base64>]`,
 * the first wraps, all unwrap). Checked here, with the parser's own line for a mistake, and
 * refused in production when any of them is the public development key: the shared
 * *_MASTER_KEY check does not see a variable named *_MASTER_KEYS, nor a dev key listed second.
 */
function IsMasterKeyRing(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isMasterKeyRing',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args) {
          return problemOf(value, (args?.object as { NODE_ENV?: string }).NODE_ENV) === undefined;
        },
        defaultMessage(args) {
          return problemOf(args?.value, (args?.object as { NODE_ENV?: string }).NODE_ENV) ?? 'invalid master keys';
        },
      },
    });
}

function problemOf(value: unknown, nodeEnv: string | undefined): string | undefined {
  try {
    const ring = parseMasterKeys(typeof value === 'string' ? value : undefined);
    if (nodeEnv === 'production' && [...ring.byId.values()].some(isDevMasterKey)) {
      return 'holds the development master key; production needs keys of its own';
    }
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** referral-intake's environment: the platform's base variables, the webhooks' WEBHOOK_* and its own. See .env.example. */
export class ReferralIntakeEnv extends WebhookServiceEnv {
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = SERVICE_TOPOLOGY['referral-intake'].port;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = localDatabaseUrl(SERVICE_TOPOLOGY['referral-intake']);

  /** Connections in the public app's pool (the key store's listener keeps a small one of its own). */
  @EnvNumber()
  @IsInt()
  @Min(2)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  /** The key store's own listener (architecture.md): never the public port. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  @IsConsistent<ReferralIntakeEnv>((env) =>
    env.INTERNAL_PORT !== 0 && env.INTERNAL_PORT === env.PORT
      ? 'must differ from PORT: the key store never shares the public listener'
      : undefined,
  )
  override INTERNAL_PORT = SERVICE_TOPOLOGY['referral-intake'].internalPort;

  /**
   * The address the key store's listener binds to: loopback by default, so on a developer's
   * machine nothing beyond it can ask for keys; the pod's address (0.0.0.0) in containers,
   * where a network policy admits only the services that decrypt.
   */
  @IsString()
  @Matches(/^[0-9A-Za-z.:-]{1,253}$/, { message: 'must be a host name or an IP address' })
  override INTERNAL_HOST = '127.0.0.1';

  @IsMasterKeyRing()
  PII_MASTER_KEYS = DEV_MASTER_KEYS;

  /** Keys the case-number blind index (base64, 32+ bytes); held like the master keys, the development one refused in production. */
  @IsCaseNumberIndexKey()
  CASE_NUMBER_INDEX_KEY = DEV_CASE_NUMBER_INDEX_KEY;

  /** Days before `reportBackBy` from which an open referral is flagged as at risk. */
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(365)
  DEADLINE_RISK_DAYS = 14;

  /** How often the deadline scan runs (a BullMQ repeatable job). */
  @EnvNumber()
  @IsInt()
  @Min(1000)
  DEADLINE_SCAN_EVERY_MS = 3_600_000;

  /** How long an Idempotency-Key answers with its first result; older keys are purged. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  IDEMPOTENCY_KEY_TTL_HOURS = 48;

  /**
   * BullMQ key prefix, this service's own: every service has a `notifications` queue, and on a
   * shared Redis one service's workers must never take another's jobs. Tests use a unique one.
   */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'may hold 1-64 letters, digits, dot, underscore and dash' })
  JOBS_PREFIX = 'rj-referral-intake';
}
