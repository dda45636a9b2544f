import { Logger } from '@nestjs/common';
import { PermanentJobError, type JobContext, type JobLogger } from '@rj/shared/jobs';
import type { NotificationService } from '@rj/shared/notifications';
import type { DataSource } from 'typeorm';
import { WebhookAttemptEntity } from './webhook-attempt.entity';
import type { WebhookDeliverPayload } from './webhook-deliver.job';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';
import { WebhookEndpointEntity } from './webhook-endpoint.entity';
import { isPersistentFailure } from './webhook-schedule';
import { decryptSecret, signDelivery } from './webhook-secret';
import { sendWebhook, systemResolver, type SendResult } from './webhook-sender';
import type { WebhooksConfig } from './webhooks.config';

/** True when the referral's personal data was erased: its deliveries are dropped, not sent. */
export type IsReferralErased = (referralId: string) => Promise<boolean>;

/**
 * Sends one delivery. Idempotent on the row: a job of an old round, or one for a delivery
 * already delivered, failed or dropped, does nothing; a delivery whose endpoint is not active
 * waits (approval re-queues it). Every try is written to the endpoint's delivery log.
 * At least once: a crash between the receiver's answer and the row's update sends it again
 * under the same `webhook-id`, which the receiver de-duplicates.
 */
export class WebhookDeliveryProcessor {
  private readonly logger: JobLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: WebhooksConfig,
    private readonly isReferralErased: IsReferralErased,
    private readonly notifications: NotificationService,
    options: { readonly logger?: JobLogger; readonly now?: () => Date } = {},
  ) {
    this.logger = options.logger ?? new Logger('Webhooks');
    this.now = options.now ?? (() => new Date());
  }

  private readonly now: () => Date;

  async deliver({ deliveryId, round }: WebhookDeliverPayload, context: JobContext): Promise<void> {
    const deliveries = this.dataSource.getRepository(WebhookDeliveryEntity);
    const delivery = await deliveries.findOneBy({ id: deliveryId });
    if (!delivery || delivery.status !== 'pending' || delivery.round !== round) return;
    const endpoint = await this.dataSource.getRepository(WebhookEndpointEntity).findOneBy({ id: delivery.endpointId });
    if (!endpoint || endpoint.status !== 'active') return;
    // Erasure is final (issue 21): a delivery still queued for the referral is dropped.
    if (delivery.referralId && (await this.isReferralErased(delivery.referralId))) {
      await deliveries.update(
        { id: delivery.id, status: 'pending' },
        { status: 'dropped', lastError: 'personal_data_erased' },
      );
      return;
    }

    const now = this.now();
    const body = JSON.stringify(delivery.payload);
    const headers = signDelivery(`msg_${delivery.id}`, now, body, this.signingSecrets(endpoint, now));
    const started = Date.now();
    const result = await sendWebhook(endpoint.url, headers, body, {
      resolver: this.config.resolver ?? systemResolver,
      allowed: this.config.allowed,
      timeoutMs: this.config.timeoutMs,
      ca: this.config.ca,
    });
    await this.record(delivery, now, result, Date.now() - started);

    if (result.ok) return;
    const final = result.permanent || context.isLastAttempt;
    if (!final) throw new Error(`webhook delivery failed: ${result.error}`);
    const refused = result.error.startsWith('destination_refused');
    const disableFor = refused
      ? 'destination_refused'
      : isPersistentFailure(endpoint.lastSuccessAt, delivery.firstAttemptAt ?? now)
        ? 'persistent_failure'
        : undefined;
    await this.fail(delivery.id, endpoint, disableFor);
    if (result.permanent) throw new PermanentJobError(`webhook delivery refused: ${result.error}`);
    throw new Error(`webhook delivery failed for good: ${result.error}`);
  }

  /** The current secret, and during a rotation's overlap the previous one too. */
  private signingSecrets(endpoint: WebhookEndpointEntity, now: Date): string[] {
    const secrets = [decryptSecret(endpoint.secret, endpoint.id, this.config.keys)];
    if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now) {
      secrets.push(decryptSecret(endpoint.previousSecret, endpoint.id, this.config.keys));
    }
    return secrets;
  }

  private async record(
    delivery: WebhookDeliveryEntity,
    at: Date,
    result: SendResult,
    durationMs: number,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const attempt = delivery.attempts + 1;
      await manager.insert(WebhookAttemptEntity, {
        deliveryId: delivery.id,
        endpointId: delivery.endpointId,
        round: delivery.round,
        attempt,
        at,
        responseStatus: result.status,
        errorCode: result.ok ? null : result.error,
        durationMs,
      });
      await manager.update(
        WebhookDeliveryEntity,
        { id: delivery.id, status: 'pending' },
        {
          attempts: attempt,
          firstAttemptAt: delivery.firstAttemptAt ?? at,
          lastResponseStatus: result.status,
          lastError: result.ok ? null : result.error,
          ...(result.ok ? { status: 'delivered' as const, deliveredAt: at } : {}),
        },
      );
      delivery.attempts = attempt;
      delivery.firstAttemptAt ??= at;
      if (result.ok) await manager.update(WebhookEndpointEntity, { id: delivery.endpointId }, { lastSuccessAt: at });
    });
  }

  /**
   * Marks the delivery failed and, on persistent failure or a refused destination, disables the
   * endpoint and queues the e-mail to its contact, in one transaction: whoever sees the failed
   * delivery also sees the disabled endpoint. Once: a second final failure finds it disabled.
   */
  private async fail(
    deliveryId: string,
    endpoint: WebhookEndpointEntity,
    disableFor: 'persistent_failure' | 'destination_refused' | undefined,
  ): Promise<void> {
    const notificationId = await this.dataSource.transaction(async (manager) => {
      await manager.update(WebhookDeliveryEntity, { id: deliveryId, status: 'pending' }, { status: 'failed' });
      if (!disableFor) return null;
      const changed = await manager.update(
        WebhookEndpointEntity,
        { id: endpoint.id, status: 'active' },
        { status: 'disabled', disabledAt: this.now(), disabledReason: disableFor },
      );
      if (!changed.affected) return null;
      return this.notifications.queueEmail(manager, {
        kind: 'webhook.disabled',
        to: endpoint.contactEmail,
        subject: 'A webhook endpoint of your organisation was disabled',
        body: [
          `Webhook endpoint ${endpoint.id} was disabled (${disableFor === 'persistent_failure' ? 'every delivery failed for the whole retry period' : 'its destination resolves to an address deliveries may not reach'}).`,
          'Deliveries to it have stopped. Check the endpoint and its delivery log in the platform, then ask an administrator to approve it again.',
        ].join('\n\n'),
      });
    });
    if (notificationId) {
      this.logger.warn(`webhook endpoint ${endpoint.id} disabled: ${disableFor}`);
      await this.notifications.enqueue(notificationId);
    }
  }
}
