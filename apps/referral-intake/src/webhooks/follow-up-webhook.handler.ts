import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReferralEntity } from '@rj/referral/data-access';
import { FollowUpDue } from '@rj/shared/contracts';
import { EventContext, EventPattern, type EventOf } from '@rj/shared/messaging';
import { queueWebhookEvent } from '@rj/shared/webhooks';
import { OUTCOME_BATCH_HOUR_UTC } from './office-webhook-events';

/**
 * `follow_up.due` from outcome-tracking becomes a webhook for the referring office: the office
 * answers whether the person re-offended through its own system. Ids and the month count only.
 */
@Controller()
export class FollowUpWebhookHandler {
  @EventPattern(FollowUpDue.type)
  async onFollowUpDue(
    @Payload() event: EventOf<typeof FollowUpDue>,
    @Ctx() { manager, logger }: EventContext,
  ): Promise<void> {
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
  }
}
