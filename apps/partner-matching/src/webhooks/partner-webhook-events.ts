import type { EntityManager } from 'typeorm';
import { queueWebhookEvent } from '@rj/shared/webhooks';

/** What a partner's case-management system can subscribe to: the offers made to it and how they end. */
export const PARTNER_WEBHOOK_EVENT_TYPES = ['offer.made', 'offer.expired', 'offer.withdrawn'] as const;
export type PartnerWebhookEventType = (typeof PARTNER_WEBHOOK_EVENT_TYPES)[number];

/** The UTC hour of the daily batch (as in referral-intake): a withdrawal's timing reveals nothing. */
export const PARTNER_BATCH_HOUR_UTC = 2;

/**
 * Queues an offer's news for the partner's endpoints, in the transaction that made it: ids only
 * (the receiver reads the offer through the API). A withdrawal — the prosecutor ended the
 * referral — waits for the daily batch, so its minute says nothing about who decided.
 */
export function queueOfferWebhook(
  manager: EntityManager,
  type: PartnerWebhookEventType,
  offer: { id: string; referralId: string; partnerId: string },
  eventId: string,
): Promise<number> {
  return queueWebhookEvent(
    manager,
    {
      orgId: offer.partnerId,
      type,
      referralId: offer.referralId,
      sourceKey: `${eventId}:${type}`,
      data: { offerId: offer.id, referralId: offer.referralId },
      batched: type === 'offer.withdrawn',
    },
    { batchHourUtc: PARTNER_BATCH_HOUR_UTC },
  );
}
