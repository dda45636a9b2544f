import { IsInt, Matches, Max, Min } from 'class-validator';
import { BaseServiceEnv, EnvNumber, IsUrlWithProtocol } from '@rj/shared/service';

/** partner-matching's environment: the platform's base variables plus its own. See .env.example. */
export class PartnerMatchingEnv extends BaseServiceEnv {
  @EnvNumber() @IsInt() @Min(0) @Max(65535)
  override PORT = 3002;

  @IsUrlWithProtocol(['postgres:', 'postgresql:'])
  override DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/rj_partner_matching';

  /** BullMQ key prefix: this service's queues never mix with another service's on a shared Redis. */
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'letters, digits, dot, underscore or dash' })
  JOBS_PREFIX = 'rj-partner-matching';

  /**
   * How often overdue offers are expired and missing expiry jobs re-created from Postgres (also
   * once at start-up): a Redis that lost its jobs delays an expiry by at most this much.
   */
  @EnvNumber() @IsInt() @Min(100) @Max(3_600_000)
  OFFER_SWEEP_EVERY_MS = 60_000;
}
