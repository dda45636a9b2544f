import { defineJob, type JobDefinition } from '@rj/shared/jobs';
import { attemptsWithin } from './webhook-schedule';

export type WebhookDeliverPayload = { deliveryId: string; round: number };

/**
 * One delivery's job, with exponential back-off over the configured span (3 days by default).
 * Built per service from its configuration (tests shorten the delays); the service registers
 * and enqueues the same instance. A manual re-send is a new round, hence a new job id.
 */
export function webhookDeliverJob(config: {
  readonly retryFirstDelayMs: number;
  readonly retrySpanMs: number;
}): JobDefinition<WebhookDeliverPayload> {
  return defineJob<WebhookDeliverPayload>({
    name: 'webhook.deliver',
    queue: 'webhooks',
    options: {
      attempts: attemptsWithin(config.retrySpanMs, config.retryFirstDelayMs),
      backoff: { type: 'exponential', delay: config.retryFirstDelayMs },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
    },
    jobId: (payload) => `${payload.deliveryId}.${payload.round}`,
  });
}
