import { Injectable, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ReferralEntity } from '@rj/referral/data-access';
import { JobRunner } from '@rj/shared/jobs';
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
import type { JobDefinition } from '@rj/shared/jobs';
import type { ReferralIntakeEnv } from '../referral-intake.env';
import { OFFICE_WEBHOOK_EVENT_TYPES, OUTCOME_BATCH_HOUR_UTC } from './office-webhook-events';
import { OfficeWebhooksController } from './office-webhooks.controller';

export const WEBHOOKS_CONFIG = Symbol('rj:webhooks-config');

const configs = new WeakMap<ReferralIntakeEnv, WebhooksConfig>();
const jobs = new WeakMap<ReferralIntakeEnv, JobDefinition<WebhookDeliverPayload>>();

/** The webhook settings of this service's environment, built once per environment object. */
export function intakeWebhooksConfig(env: ReferralIntakeEnv): WebhooksConfig {
  let config = configs.get(env);
  if (!config) {
    config = webhooksConfigFromEnv(env, parseMasterKeys(env.PII_MASTER_KEYS), OUTCOME_BATCH_HOUR_UTC);
    configs.set(env, config);
  }
  return config;
}

/** The delivery job: one instance per environment, so the registry and the dispatcher share it. */
export function intakeWebhookJob(env: ReferralIntakeEnv): JobDefinition<WebhookDeliverPayload> {
  let job = jobs.get(env);
  if (!job) {
    job = webhookDeliverJob(intakeWebhooksConfig(env));
    jobs.set(env, job);
  }
  return job;
}

/** Starts the sweep that hands due deliveries to BullMQ, and stops it before the queues close. */
@Injectable()
class WebhookSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly dispatcher: WebhookDispatcher,
    @InjectServiceConfig() private readonly env: ReferralIntakeEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.dispatcher.startSweep(intakeWebhooksConfig(this.env).sweepEveryMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.dispatcher.stopSweep();
    await this.dispatcher.idle();
  }
}

/**
 * Offices' webhook endpoints (issue 21): the API, the processor the job registry calls (through
 * the module ref, see DeadlineModule), the sweep, and the handler of follow-ups.
 */
@Module({
  controllers: [OfficeWebhooksController],
  providers: [
    { provide: WEBHOOKS_CONFIG, inject: [SERVICE_CONFIG], useFactory: intakeWebhooksConfig },
    {
      provide: WebhookDispatcher,
      inject: [DataSource, JobRunner, SERVICE_CONFIG],
      useFactory: (dataSource: DataSource, runner: JobRunner, env: ReferralIntakeEnv) =>
        new WebhookDispatcher(dataSource, runner, intakeWebhookJob(env)),
    },
    {
      provide: WebhookEndpoints,
      inject: [DataSource, WEBHOOKS_CONFIG, WebhookDispatcher],
      useFactory: (dataSource: DataSource, config: WebhooksConfig, dispatcher: WebhookDispatcher) =>
        new WebhookEndpoints(dataSource, config, dispatcher, OFFICE_WEBHOOK_EVENT_TYPES),
    },
    {
      provide: WebhookDeliveryProcessor,
      inject: [DataSource, WEBHOOKS_CONFIG, JobRunner],
      useFactory: (dataSource: DataSource, config: WebhooksConfig, runner: JobRunner) =>
        new WebhookDeliveryProcessor(
          dataSource,
          config,
          (referralId) => isErased(dataSource, referralId),
          new NotificationService(dataSource, runner),
        ),
    },
    WebhookSweep,
  ],
  exports: [WebhookDeliveryProcessor],
})
export class OfficeWebhooksModule {}

/** Erasure is final: a delivery still queued for an erased referral is dropped (issue 21). */
async function isErased(dataSource: DataSource, referralId: string): Promise<boolean> {
  const referral = await dataSource
    .getRepository(ReferralEntity)
    .findOne({ where: { id: referralId }, select: { id: true, personalDataErasedAt: true } });
  return !referral || referral.personalDataErasedAt !== null;
}
