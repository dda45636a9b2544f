import { IsInt, Matches, Max, Min } from 'class-validator';
import { localDatabaseUrl, SERVICE_TOPOLOGY } from '@rj/shared/contracts';
import { DEV_MASTER_KEYS } from '@rj/shared/pii';
import { DEV_SECRETS, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';
import { WebhookServiceEnv } from '@rj/shared/webhooks';
import { IsMasterKeyRingValue } from './webhooks/webhook-env.validators';

// The development key is public: production refuses it as WEBHOOK_MASTER_KEY (validate-config).
DEV_SECRETS.add(DEV_MASTER_KEYS);

/** partner-matching's environment: the platform's base variables, the webhooks' WEBHOOK_* and its own. See .env.example. */
export class PartnerMatchingEnv extends WebhookServiceEnv {
  @EnvNumber()
  @IsInt()
  @Min(0)
  @Max(65535)
  override PORT = SERVICE_TOPOLOGY['partner-matching'].port;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = localDatabaseUrl(SERVICE_TOPOLOGY['partner-matching']);

  /** BullMQ key prefix: this service's queues never mix with another service's on a shared Redis. */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'letters, digits, dot, underscore or dash' })
  JOBS_PREFIX = 'rj-partner-matching';

  /**
   * How often overdue offers are expired and missing expiry jobs re-created from Postgres (also
   * once at start-up): a Redis that lost its jobs delays an expiry by at most this much.
   */
  @EnvNumber()
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  OFFER_SWEEP_EVERY_MS = 60_000;

  /**
   * Encrypts partners' webhook signing secrets at rest: `<id>:<base64 of 32 bytes>[,<older>…]`,
   * the first encrypts, all decrypt. The development key is refused in production.
   */
  @IsMasterKeyRingValue()
  WEBHOOK_MASTER_KEY = DEV_MASTER_KEYS;
}
