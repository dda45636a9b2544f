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
import { advanceStatus, nextStatusOf, referralOf, requireReferral } from './projection-store';

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
    // The offer and the referral's status in one statement (issue 15: three before, two of
    // them built by TypeORM's query builder, for every referral matched).
    await manager.query(
      `with offer as (
         insert into offer (id, referral_id, partner_id, made_at) values ($1, $2, $3, $4)
         on conflict (id) do update set referral_id = excluded.referral_id, partner_id = excluded.partner_id,
           made_at = excluded.made_at
       )
       update referral set status = $5 where id = $2 and status <> $5`,
      [d.offerId, referral.id, d.partnerId, event.occurredAt, nextStatusOf(referral, event)],
    );
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
