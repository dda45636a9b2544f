import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { OfferEntity, PartnerEntity, ReferralEntity } from '@rj/outcome/data-access';
import {
  OfferAccepted,
  OfferDeclined,
  OfferExpired,
  OfferMade,
  OfferWithdrawn,
  PartnerRegistered,
  PartnerUpdated,
  ReferralUnmatched,
} from '@rj/shared/contracts';
import { EventContext, EventPattern, type EventOf } from '@rj/shared/messaging';
import { advanceStatus, referralOf, requireReferral } from './projection-store';

type OfferAnswerEvent =
  | EventOf<typeof OfferAccepted>
  | EventOf<typeof OfferDeclined>
  | EventOf<typeof OfferExpired>
  | EventOf<typeof OfferWithdrawn>;

/**
 * rj.matching.v1: partners, and offers for the figures (acceptance time, partner response
 * time, decline reasons). Offers of one referral come in order on this topic.
 */
@Controller()
export class MatchingEventsHandler {
  @EventPattern([PartnerRegistered.type, PartnerUpdated.type])
  async onPartner(
    @Payload() event: EventOf<typeof PartnerRegistered> | EventOf<typeof PartnerUpdated>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const d = event.data;
    await manager.upsert(
      PartnerEntity,
      { id: d.partnerId, name: d.name, email: d.contact?.email ?? null, updatedAt: new Date() },
      ['id'],
    );
  }

  @EventPattern(OfferMade.type)
  async onOfferMade(@Payload() event: EventOf<typeof OfferMade>, @Ctx() { manager }: EventContext): Promise<void> {
    const referral = await requireReferral(manager, referralOf(event));
    const d = event.data;
    await manager.upsert(
      OfferEntity,
      { id: d.offerId, referralId: referral.id, partnerId: d.partnerId, madeAt: new Date(event.occurredAt) },
      ['id'],
    );
    await advanceStatus(manager, referral, event);
  }

  @EventPattern(OfferAccepted.type)
  async onOfferAccepted(
    @Payload() event: EventOf<typeof OfferAccepted>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    const referral = await this.answer(manager, event, 'accepted');
    await manager.update(
      ReferralEntity,
      { id: referral.id },
      { partnerId: event.data.partnerId, acceptedAt: new Date(event.occurredAt) },
    );
    await advanceStatus(manager, referral, event);
  }

  @EventPattern(OfferDeclined.type)
  async onOfferDeclined(
    @Payload() event: EventOf<typeof OfferDeclined>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await this.answer(manager, event, 'declined', event.data.reasonCode);
  }

  @EventPattern(OfferExpired.type)
  async onOfferExpired(
    @Payload() event: EventOf<typeof OfferExpired>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await this.answer(manager, event, 'expired');
  }

  @EventPattern(OfferWithdrawn.type)
  async onOfferWithdrawn(
    @Payload() event: EventOf<typeof OfferWithdrawn>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await this.answer(manager, event, 'withdrawn');
  }

  @EventPattern(ReferralUnmatched.type)
  async onUnmatched(
    @Payload() event: EventOf<typeof ReferralUnmatched>,
    @Ctx() { manager }: EventContext,
  ): Promise<void> {
    await advanceStatus(manager, await requireReferral(manager, referralOf(event)), event);
  }

  private async answer(
    manager: EntityManager,
    event: OfferAnswerEvent,
    answer: 'accepted' | 'declined' | 'expired' | 'withdrawn',
    declineReason?: string,
  ): Promise<ReferralEntity> {
    const referral = await requireReferral(manager, referralOf(event));
    await manager.upsert(
      OfferEntity,
      {
        id: event.data.offerId,
        referralId: referral.id,
        partnerId: event.data.partnerId,
        answer,
        answeredAt: new Date(event.occurredAt),
        declineReason: declineReason ?? null,
      },
      ['id'],
    );
    return referral;
  }
}
