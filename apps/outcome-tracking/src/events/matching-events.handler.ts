import { Injectable } from '@nestjs/common';
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
import { on, type Subscription } from '@rj/shared/messaging';
import { advanceStatus, referralOf, requireReferral } from './projection-store';

interface OfferAnswer {
  referralId: string;
  offerId: string;
  partnerId: string;
  answer: 'accepted' | 'declined' | 'expired' | 'withdrawn';
  at: string;
  declineReason?: string;
}

/**
 * rj.matching.v1: partners, and offers for the figures (acceptance time, partner response
 * time, decline reasons). Offers of one referral come in order on this topic.
 */
@Injectable()
export class MatchingEventsHandler {
  subscriptions(): Subscription[] {
    const partner = (manager: EntityManager, d: { partnerId: string; name: string; contact?: { email: string } }) =>
      manager.upsert(
        PartnerEntity,
        { id: d.partnerId, name: d.name, email: d.contact?.email ?? null, updatedAt: new Date() },
        ['id'],
      );
    const answer = (
      event: {
        referralId: string | null;
        type: string;
        occurredAt: string;
        data: { offerId: string; partnerId: string };
      },
      kind: OfferAnswer['answer'],
      declineReason?: string,
    ): OfferAnswer => ({
      referralId: referralOf(event),
      offerId: event.data.offerId,
      partnerId: event.data.partnerId,
      answer: kind,
      at: event.occurredAt,
      declineReason,
    });
    return [
      on(PartnerRegistered, async (event, ctx) => void (await partner(ctx.manager, event.data))),
      on(PartnerUpdated, async (event, ctx) => void (await partner(ctx.manager, event.data))),
      on(OfferMade, async (event, ctx) => {
        const referral = await requireReferral(ctx.manager, referralOf(event));
        const d = event.data;
        await ctx.manager.upsert(
          OfferEntity,
          { id: d.offerId, referralId: referral.id, partnerId: d.partnerId, madeAt: new Date(event.occurredAt) },
          ['id'],
        );
        await advanceStatus(ctx.manager, referral, event);
      }),
      on(OfferAccepted, async (event, ctx) => {
        const referral = await this.answer(ctx.manager, answer(event, 'accepted'));
        await ctx.manager.update(
          ReferralEntity,
          { id: referral.id },
          { partnerId: event.data.partnerId, acceptedAt: new Date(event.occurredAt) },
        );
        await advanceStatus(ctx.manager, referral, event);
      }),
      on(
        OfferDeclined,
        async (event, ctx) => void (await this.answer(ctx.manager, answer(event, 'declined', event.data.reasonCode))),
      ),
      on(OfferExpired, async (event, ctx) => void (await this.answer(ctx.manager, answer(event, 'expired')))),
      on(OfferWithdrawn, async (event, ctx) => void (await this.answer(ctx.manager, answer(event, 'withdrawn')))),
      on(ReferralUnmatched, async (event, ctx) =>
        advanceStatus(ctx.manager, await requireReferral(ctx.manager, referralOf(event)), event),
      ),
    ];
  }

  private async answer(manager: EntityManager, a: OfferAnswer): Promise<ReferralEntity> {
    const referral = await requireReferral(manager, a.referralId);
    await manager.upsert(
      OfferEntity,
      {
        id: a.offerId,
        referralId: a.referralId,
        partnerId: a.partnerId,
        answer: a.answer,
        answeredAt: new Date(a.at),
        declineReason: a.declineReason ?? null,
      },
      ['id'],
    );
    return referral;
  }
}
