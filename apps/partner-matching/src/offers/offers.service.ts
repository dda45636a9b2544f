import { Clock, requestCause } from '@rj/shared/service';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MatchEntity, OfferEntity, ReferralEntity } from '@rj/matching/data-access';
import { assertCapacityAvailable, assertPartnerActive, offerStatusAfter } from '@rj/matching/domain';
import { actorOf, assertOwnedBy, type Principal } from '@rj/shared/auth';
import { NotFound, OfferAccepted, OfferDeclined, type DeclineReasonCode, type OfferStatus } from '@rj/shared/contracts';
import { JobRunner } from '@rj/shared/jobs';
import { publishEvent } from '@rj/shared/messaging';
import { afterCommit, withRetriedTransaction } from '@rj/shared/persistence';
import { DEFAULT_PAGE_SIZE, pageOf } from '@rj/shared/service';
import { PartnerLoad } from '../partners/partner-load.service';
import { lockOffer, lockPartner, lockReferral, present } from './locks';
import { matchingMetrics } from './matching-metrics';
import { offerExpireJob } from './offer-expire.job';
import { OfferFlow } from './offer-flow.service';
import { offerView, type OfferPage, type OfferView } from './offer.view';

const HOUR_MS = 3_600_000;

/**
 * A partner's side of its offers (api.md, partner-matching): it sees only offers made to it
 * (another partner's offer is a 404, existence not revealed), and answers each once, in time.
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly flow: OfferFlow,
    private readonly load: PartnerLoad,
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
  ) {}

  async list(
    principal: Principal,
    filter: { status?: OfferStatus; limit?: number; cursor?: string },
  ): Promise<OfferPage> {
    const limit = filter.limit ?? DEFAULT_PAGE_SIZE;
    if (!principal.org) return { items: [], nextCursor: null };
    const query = this.dataSource
      .getRepository(OfferEntity)
      .createQueryBuilder('o')
      .innerJoinAndMapOne('o.referral', ReferralEntity, 'r', 'r.id = o.referral_id')
      .where('o.partner_id = :partnerId', { partnerId: principal.org })
      .orderBy('o.id', 'DESC')
      .take(limit + 1);
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    if (filter.cursor) query.andWhere('o.id < :cursor', { cursor: filter.cursor });
    const rows = (await query.getMany()) as (OfferEntity & { referral: ReferralEntity })[];
    return pageOf(rows, limit, (row) => offerView(row, row.referral));
  }

  async get(principal: Principal, offerId: string): Promise<OfferView> {
    const offer = await this.dataSource.getRepository(OfferEntity).findOneBy({ id: offerId });
    assertPartnersOffer(principal, offer);
    return offerView(
      offer,
      await this.dataSource.getRepository(ReferralEntity).findOneByOrFail({ id: offer.referralId }),
    );
  }

  /**
   * Accepts in time and within capacity (api.md: 409 if expired or already answered). The offer's
   * lock settles a race with its expiry, exactly one wins; the partner's lock keeps concurrent
   * accepts of different offers from taking more cases than it has capacity for.
   */
  accept(principal: Principal, offerId: string, now = this.clock.now()): Promise<OfferView> {
    return this.answer(principal, offerId, async (manager, offer, referral) => {
      offer.status = offerStatusAfter(offer, 'accept', now);
      const partner = present(await lockPartner(manager, offer.partnerId), 'partner');
      assertPartnerActive(partner);
      assertCapacityAvailable(partner);
      offer.resolvedAt = now;
      await manager.save(offer);
      await this.load.assign(manager, offer, now);
      await this.flow.recordResponse(manager, offer.partnerId, (now.getTime() - offer.madeAt.getTime()) / HOUR_MS);
      await manager.update(
        MatchEntity,
        { id: offer.matchId, status: 'offering' },
        { status: 'assigned', closedAt: now },
      );
      await publishEvent(manager, OfferAccepted, {
        aggregateId: offer.id,
        referralId: referral.id,
        ...requestCause(actorOf(principal)),
        occurredAt: now,
        data: { offerId: offer.id, partnerId: offer.partnerId },
      });
      afterCommit(manager, async () => matchingMetrics().offers.inc({ event: 'offer.accepted' }));
    });
  }

  /** Declines with a reason code; the next candidate gets an offer in the same transaction. */
  decline(
    principal: Principal,
    offerId: string,
    reasonCode: DeclineReasonCode,
    now = this.clock.now(),
  ): Promise<OfferView> {
    return this.answer(principal, offerId, async (manager, offer, referral) => {
      offer.status = offerStatusAfter(offer, 'decline', now);
      offer.resolvedAt = now;
      offer.declineReason = reasonCode;
      await manager.save(offer);
      await this.flow.recordResponse(manager, offer.partnerId, (now.getTime() - offer.madeAt.getTime()) / HOUR_MS);
      const cause = requestCause(actorOf(principal));
      const declined = await publishEvent(manager, OfferDeclined, {
        aggregateId: offer.id,
        referralId: referral.id,
        ...cause,
        occurredAt: now,
        data: { offerId: offer.id, partnerId: offer.partnerId, reasonCode },
      });
      afterCommit(manager, async () => matchingMetrics().offers.inc({ event: 'offer.declined' }));
      const match = await manager.findOneByOrFail(MatchEntity, { id: offer.matchId });
      await this.flow.offerNext(
        manager,
        referral,
        match,
        { correlationId: cause.causedBy.correlationId, causationId: declined.id },
        now,
      );
    });
  }

  /** Locks referral then offer, checks the caller's organisation, runs `change`, answers the offer's view. */
  private async answer(
    principal: Principal,
    offerId: string,
    change: (manager: EntityManager, offer: OfferEntity, referral: ReferralEntity) => Promise<void>,
  ): Promise<OfferView> {
    return withRetriedTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOne(OfferEntity, {
        where: { id: offerId },
        select: { id: true, referralId: true, partnerId: true },
      });
      assertPartnersOffer(principal, found);
      const referral = present(await lockReferral(manager, found.referralId), 'referral');
      const offer = present(await lockOffer(manager, offerId), 'offer');
      await change(manager, offer, referral);
      // The answer beat the deadline: its expiry job has nothing left to do (and would do nothing).
      afterCommit(manager, () => this.jobs.remove(offerExpireJob, { offerId }).catch(() => false));
      return offerView(offer, referral);
    });
  }
}

function assertPartnersOffer(
  principal: Principal,
  offer: Pick<OfferEntity, 'partnerId'> | null,
): asserts offer is OfferEntity {
  if (!offer) throw new NotFound('offer not found');
  assertOwnedBy(principal, offer.partnerId, 'offer not found');
}
