import { readFileSync } from 'node:fs';
import type { MasterKeyRing } from '@rj/shared/pii';
import { parseAllowedRanges, type AllowedRanges } from './destination-policy';
import type { Resolver } from './webhook-sender';

/** What a service gives the webhook machinery; the service validates its environment into it. */
export interface WebhooksConfig {
  /** The service's master keys: webhook secrets are encrypted under the current one. */
  readonly keys: MasterKeyRing;
  /** `WEBHOOK_ALLOWED_RANGES`: ranges the operator lets deliveries reach despite the SSRF rule. */
  readonly allowed: AllowedRanges;
  readonly resolver?: Resolver;
  readonly timeoutMs: number;
  /** The first retry's delay; each next one doubles (`WEBHOOK_RETRY_FIRST_DELAY_MS`). */
  readonly retryFirstDelayMs: number;
  /** How long a delivery is retried (`WEBHOOK_RETRY_SPAN_HOURS`, 72). */
  readonly retrySpanMs: number;
  /** The UTC hour at which the day's outcome changes go out. */
  readonly outcomeBatchHourUtc: number;
  /** How often due deliveries are handed to BullMQ. */
  readonly sweepEveryMs: number;
  /** Extra trusted certificates, for a test receiver only. */
  readonly ca?: string;
}

/** The WEBHOOK_* variables a service's env class declares (see referral-intake's and partner-matching's). */
export interface WebhookEnvSettings {
  readonly WEBHOOK_ALLOWED_RANGES: string;
  readonly WEBHOOK_TIMEOUT_MS: number;
  readonly WEBHOOK_RETRY_FIRST_DELAY_MS: number;
  readonly WEBHOOK_RETRY_SPAN_MS: number;
  readonly WEBHOOK_SWEEP_EVERY_MS: number;
  readonly WEBHOOK_CA_FILE: string;
}

/** Builds the machinery's settings from a service's validated environment and its keys. */
export function webhooksConfigFromEnv(
  env: WebhookEnvSettings,
  keys: MasterKeyRing,
  outcomeBatchHourUtc: number,
): WebhooksConfig {
  return {
    keys,
    allowed: parseAllowedRanges(env.WEBHOOK_ALLOWED_RANGES),
    timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    retryFirstDelayMs: env.WEBHOOK_RETRY_FIRST_DELAY_MS,
    retrySpanMs: env.WEBHOOK_RETRY_SPAN_MS,
    outcomeBatchHourUtc,
    sweepEveryMs: env.WEBHOOK_SWEEP_EVERY_MS,
    ca: env.WEBHOOK_CA_FILE ? readFileSync(env.WEBHOOK_CA_FILE, 'utf8') : undefined,
  };
}
