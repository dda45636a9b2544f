import { Injectable } from '@nestjs/common';
import { ReferralEntity } from '@rj/referral/data-access';
import { FollowUpDue } from '@rj/shared/contracts';
import { on, type Subscription } from '@rj/shared/messaging';
import { queueWebhookEvent } from '@rj/shared/webhooks';
import { OUTCOME_BATCH_HOUR_UTC } from './office-webhook-events';

/**
 * `follow_up.due` from outcome-tracking becomes a webhook for the referring office: the office
 * answers whether the person re-offended through its own system. Ids and the month count only.
 */
@Injectable()
export class FollowUpWebhookHandler {
  subscriptions(): Subscription[] {
    return [
      on(FollowUpDue, async (event, { manager, logger }) => {
        const referral = event.referralId
          ? await manager.findOne(ReferralEntity, {
              where: { id: event.referralId },
              select: { id: true, officeId: true },
            })
          : null;
        if (!referral) {
          logger.warn(
            { referralId: event.referralId, eventType: event.type },
            'follow-up for a referral intake does not know: no webhook',
          );
          return;
        }
        await queueWebhookEvent(
          manager,
          {
            orgId: referral.officeId,
            type: 'follow_up.due',
            referralId: referral.id,
            sourceKey: `${event.id}:follow_up`,
            data: { referralId: referral.id, followUpId: event.data.followUpId, monthsAfter: event.data.monthsAfter },
            batched: false,
          },
          { batchHourUtc: OUTCOME_BATCH_HOUR_UTC },
        );
      }),
    ];
  }
}
