import type { EntityManager } from 'typeorm';
import { recordStatusChange, type ReferralEntity } from '@rj/referral/data-access';
import { nextReferralStatus, type StatusEventData } from '@rj/referral/domain';
import type { ReferralStatus } from '@rj/shared/contracts';
import { queueStatusWebhooks } from '../webhooks/office-webhook-events';

/**
 * Moves a locked referral as the status machine says for this event (api.md, Referral status)
 * and records the step in its history; a stale or repeated event leaves it where it is.
 * A change is also owed to the office's webhook endpoints, in the same transaction.
 * Returns the status it is in afterwards.
 */
export async function applyStatusEvent(
  manager: EntityManager,
  referral: Pick<ReferralEntity, 'id' | 'status' | 'officeId'>,
  event: { type: string; id: string | null; occurredAt: string | Date; data?: unknown },
): Promise<ReferralStatus> {
  const current = referral.status as ReferralStatus;
  const next = nextReferralStatus(current, event.type, (event.data ?? {}) as StatusEventData);
  if (next !== current) {
    await recordStatusChange(manager, {
      referralId: referral.id,
      status: next,
      at: event.occurredAt,
      cause: event.type,
      eventId: event.id,
    });
    await queueStatusWebhooks(manager, referral, next, event);
  }
  return next;
}
