import { Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobRunner, type JobDefinition } from '@rj/shared/jobs';
import { NotificationService } from '@rj/shared/notifications';
import { parseMasterKeys } from '@rj/shared/pii';
import { InjectServiceConfig, SERVICE_CONFIG } from '@rj/shared/service';
import {
  WebhookDeliveryProcessor,
  WebhookDispatcher,
  WebhookEndpoints,
  webhookDeliverJob,
  webhooksConfigFromEnv,
  type WebhookDeliverPayload,
  type WebhooksConfig,
} from '@rj/shared/webhooks';
import type { PartnerMatchingEnv } from '../partner-matching.env';
import { PARTNER_BATCH_HOUR_UTC, PARTNER_WEBHOOK_EVENT_TYPES } from './partner-webhook-events';
import { PartnerWebhooksController } from './partner-webhooks.controller';
import { ReferralErasedWebhookHandler } from './referral-erased-webhook.handler';

const configs = new WeakMap<PartnerMatchingEnv, WebhooksConfig>();
const jobs = new WeakMap<PartnerMatchingEnv, JobDefinition<WebhookDeliverPayload>>();

/** The webhook settings of this environment; secrets under WEBHOOK_MASTER_KEY. Built once per environment object. */
export function partnerWebhooksConfig(env: PartnerMatchingEnv): WebhooksConfig {
  let config = configs.get(env);
  if (!config) {
    config = webhooksConfigFromEnv(env, parseMasterKeys(env.WEBHOOK_MASTER_KEY), PARTNER_BATCH_HOUR_UTC);
    configs.set(env, config);
  }
  return config;
}

/** The delivery job: one instance per environment, so the registry and the dispatcher share it. */
export function partnerWebhookJob(env: PartnerMatchingEnv): JobDefinition<WebhookDeliverPayload> {
  let job = jobs.get(env);
  if (!job) {
    job = webhookDeliverJob(partnerWebhooksConfig(env));
    jobs.set(env, job);
  }
  return job;
}

@Injectable()
class PartnerWebhookSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly dispatcher: WebhookDispatcher,
    @InjectServiceConfig() private readonly env: PartnerMatchingEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dispatcher.startSweep(partnerWebhooksConfig(this.env).sweepEveryMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.dispatcher.stopSweep();
    await this.dispatcher.idle();
  }
}

/**
 * Partners' webhook endpoints (issue 21), on the machinery referral-intake's offices use: the
 * API, the processor the job registry calls (PlatformModule, through the module ref), the
 * sweep and the erasure handler.
 */
@Module({
  controllers: [PartnerWebhooksController, ReferralErasedWebhookHandler],
  providers: [
    {
      provide: WebhookDispatcher,
      inject: [DataSource, JobRunner, SERVICE_CONFIG],
      useFactory: (dataSource: DataSource, runner: JobRunner, env: PartnerMatchingEnv) =>
        new WebhookDispatcher(dataSource, runner, partnerWebhookJob(env)),
    },
    {
      provide: WebhookEndpoints,
      inject: [DataSource, SERVICE_CONFIG, WebhookDispatcher],
      useFactory: (dataSource: DataSource, env: PartnerMatchingEnv, dispatcher: WebhookDispatcher) =>
        new WebhookEndpoints(dataSource, partnerWebhooksConfig(env), dispatcher, PARTNER_WEBHOOK_EVENT_TYPES),
    },
    {
      provide: WebhookDeliveryProcessor,
      inject: [DataSource, SERVICE_CONFIG, NotificationService],
      // Matching keeps no personal data: an erasure drops the rows (ReferralErasedWebhookHandler), which a queued job then finds.
      useFactory: (dataSource: DataSource, env: PartnerMatchingEnv, notifications: NotificationService) =>
        new WebhookDeliveryProcessor(dataSource, partnerWebhooksConfig(env), async () => false, notifications),
    },
    PartnerWebhookSweep,
  ],
  exports: [WebhookDeliveryProcessor],
})
export class PartnerWebhooksModule {}
