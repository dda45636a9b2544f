import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ReferralPersonalDataErased } from '@rj/shared/contracts';
import { EventContext, EventPattern, type EventOf } from '@rj/shared/messaging';
import { dropWebhookDeliveriesOf } from '@rj/shared/webhooks';

/**
 * referral.personal_data_erased: what the partner's endpoints are still owed about the referral
 * is dropped (issue 21); a delivery already queued finds its row dropped and sends nothing.
 */
@Controller()
export class ReferralErasedWebhookHandler {
  @EventPattern(ReferralPersonalDataErased.type)
  async onErased(
    @Payload() event: EventOf<typeof ReferralPersonalDataErased>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    if (event.referralId) await dropWebhookDeliveriesOf(manager, event.referralId);
  }
}
