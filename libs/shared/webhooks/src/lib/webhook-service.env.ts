import { IsInt, IsString, Max, Min, registerDecorator, type ValidationOptions } from 'class-validator';
import { BaseServiceEnv, EnvNumber } from '@rj/shared/service';
import { parseAllowedRanges } from './destination-policy';
import type { WebhookEnvSettings } from './webhooks.config';

/** WEBHOOK_ALLOWED_RANGES: comma-separated CIDR ranges, checked with the parser's own line. */
export function IsWebhookRanges(options?: ValidationOptions): PropertyDecorator {
  const problemOf = (value: unknown): string | undefined => {
    try {
      parseAllowedRanges(typeof value === 'string' ? value : '');
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  };
  return (target, propertyName) =>
    registerDecorator({
      name: 'isWebhookRanges',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => problemOf(value) === undefined,
        defaultMessage: (args) => problemOf(args?.value) ?? 'invalid ranges',
      },
    });
}

/**
 * The platform's base variables plus the WEBHOOK_* settings of the delivery machinery, for a
 * service that offers webhooks to extend (referral-intake, partner-matching). Where the
 * signing secrets' master key comes from stays the service's own.
 */
export class WebhookServiceEnv extends BaseServiceEnv implements WebhookEnvSettings {
  /**
   * CIDR ranges (comma-separated) webhook deliveries may reach although the SSRF rule refuses
   * them (loopback, private, link-local): an organisation's system over a private link, a test
   * receiver on 127.0.0.1/32. Empty: none.
   */
  @IsString()
  @IsWebhookRanges()
  WEBHOOK_ALLOWED_RANGES = '';

  /** The first retry's delay of a failed webhook delivery; each next one doubles. */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(3_600_000)
  WEBHOOK_RETRY_FIRST_DELAY_MS = 60_000;

  /** How long a webhook delivery is retried before it fails (3 days). */
  @EnvNumber()
  @IsInt()
  @Min(1)
  @Max(7 * 24 * 3_600_000)
  WEBHOOK_RETRY_SPAN_MS = 3 * 24 * 3_600_000;

  /** How long a receiver has to answer one delivery. */
  @EnvNumber()
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** How often due webhook deliveries are handed to the queue. */
  @EnvNumber()
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  WEBHOOK_SWEEP_EVERY_MS = 5_000;

  /** A PEM file of extra certificate authorities receivers may use (an organisation's own CA); empty: the system's only. */
  @IsString()
  WEBHOOK_CA_FILE = '';
}
