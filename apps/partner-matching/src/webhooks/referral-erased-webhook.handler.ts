import { Injectable } from '@nestjs/common';
import { ReferralPersonalDataErased } from '@rj/shared/contracts';
import { on, type Subscription } from '@rj/shared/messaging';
import { dropWebhookDeliveriesOf } from '@rj/shared/webhooks';

/**
 * referral.personal_data_erased: what the partner's endpoints are still owed about the referral
 * is dropped (issue 21); a delivery already queued finds its row dropped and sends nothing.
 */
@Injectable()
export class ReferralErasedWebhookHandler {
  subscriptions(): Subscription[] {
    return [
      on(
        ReferralPersonalDataErased,
        async (event, { manager }) =>
          void (event.referralId && (await dropWebhookDeliveriesOf(manager, event.referralId))),
      ),
    ];
  }
}
