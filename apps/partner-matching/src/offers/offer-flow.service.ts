import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import {
  loadPartnerProfilesByIds,
  MatchEntity,
  OfferEntity,
  PartnerEntity,
  ReferralEntity,
} from '@rj/matching/data-access';
import {
  MAX_OFFER_RANK,
  nextOffer,
  type PartnerProfile,
  offerAnnouncement,
  offerExpiresAt,
  offerStatusAfter,
} from '@rj/matching/domain';
import { OfferExpired, OfferMade, OfferWithdrawn, ReferralUnmatched, systemActor, uuidv7 } from '@rj/shared/contracts';
import { JobRunner } from '@rj/shared/jobs';
import { publishEvent } from '@rj/shared/messaging';
import { NotificationService } from '@rj/shared/notifications';
import { afterCommit, insertRow, withRetriedTransaction } from '@rj/shared/persistence';
import { PartnerLoad } from '../partners/partner-load.service';
import { lockOffer, lockReferral } from './locks';
import { matchingMetrics } from './matching-metrics';
import { offerExpireJob } from './offer-expire.job';
import { attributesOf } from './referral-attributes';
import { credentialedSpecialistsFor } from '../practice/specialist-credentials';
import { queueOfferWebhook } from '../webhooks/partner-webhook-events';

export type CausedBy = { correlationId: string; causationId: string | null };
/** A match's first round, with what its ranking just read in the same transaction. */
export type FreshRound = { profiles: ReadonlyMap<string, PartnerProfile>; specialists: string[] };
export type ExpiryOutcome = 'expired' | 'not_due' | 'already_resolved' | 'missing';

export const SYSTEM_ACTOR = systemActor('partner-matching');

const HOUR_MS = 3_600_000;

type OfferedPartner = Pick<PartnerEntity, 'id' | 'responseHours' | 'contactEmail'>;

/** What an offer needs of its partner, in a statement of its own (no query building per offer). */
async function offeredPartner(manager: EntityManager, partnerId: string): Promise<OfferedPartner> {
  const [partner]: OfferedPartner[] = await manager.query(
    'select id, response_hours as "responseHours", contact_email as "contactEmail" from partner where id = $1',
    [partnerId],
  );
  // A candidate comes from the registry, and partners are deactivated, never deleted.
  if (!partner) throw new Error(`partner ${partnerId} of a match's candidates is not in the registry`);
  return partner;
}

/**
 * The offer round of a match (product.md, Offer): the best candidate not yet asked gets an offer
 * with a deadline, announced to its contact without names; decline or no answer, the next; none
 * left, the referral goes back unmatched. Every step runs in the caller's transaction with the
 * referral's row locked, and writes its events to the outbox there.
 */
@Injectable()
export class OfferFlow {
  private readonly logger = new Logger(OfferFlow.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    private readonly notifications: NotificationService,
    private readonly load: PartnerLoad,
  ) {
    matchingMetrics(); // registered at start, so /metrics lists them before the first offer
  }

  /**
   * Offers the match's next candidate, or ends the match as unmatched. The referral is locked.
   * `fresh` is what the caller read in this same transaction moments ago (a match just computed:
   * no offers yet, every profile and the credentialed specialists at hand); with it, the first
   * offer costs three round trips fewer, which is most of a match's time in the consumer (issue 15).
   */
  async offerNext(
    manager: EntityManager,
    referral: ReferralEntity,
    match: MatchEntity,
    causedBy: CausedBy,
    now: Date,
    fresh?: FreshRound,
  ): Promise<OfferEntity | null> {
    if (referral.withdrawnAt) return null; // matching stopped for good
    const offers = fresh ? [] : await manager.find(OfferEntity, { where: { matchId: match.id } });
    if (offers.some((offer) => offer.status === 'pending')) return null; // one open offer at a time
    const asked = offers.map((offer) => offer.partnerId);
    const askedSet = new Set(asked);
    const reachable = match.candidates
      .slice(0, MAX_OFFER_RANK)
      .map((c) => c.partnerId)
      .filter((id) => !askedSet.has(id));
    const profiles = fresh?.profiles ?? (await loadPartnerProfilesByIds(manager, reachable));
    const specialists = fresh?.specialists ?? (await credentialedSpecialistsFor(manager, referral, now));
    const { next, passedOver } = nextOffer(match.candidates, asked, attributesOf(referral, specialists), (id) =>
      profiles.get(id),
    );
    if (passedOver.length) {
      this.logger.log(
        `match ${match.id}: passed over ${passedOver.map((p) => `${p.partnerId} (${p.reasons.join(',')})`).join(', ')}`,
      );
    }
    if (!next) {
      await this.endUnmatched(manager, referral, match, offers.length, causedBy, now);
      return null;
    }

    const partner = await offeredPartner(manager, next.candidate.partnerId);
    const offer = manager.create(OfferEntity, {
      id: uuidv7(),
      matchId: match.id,
      referralId: referral.id,
      partnerId: partner.id,
      rank: next.rank,
      status: 'pending',
      madeAt: now,
      expiresAt: offerExpiresAt(now, partner.responseHours),
      resolvedAt: null,
      declineReason: null,
      correlationId: causedBy.correlationId,
      madeEventId: null,
    });
    // The event first, so the offer row is written once, with its made event's id (both commit together).
    const made = await publishEvent(manager, OfferMade, {
      aggregateId: offer.id,
      referralId: referral.id,
      actor: SYSTEM_ACTOR,
      causedBy,
      occurredAt: now,
      data: {
        offerId: offer.id,
        matchId: match.id,
        partnerId: partner.id,
        rank: offer.rank,
        expiresAt: offer.expiresAt.toISOString(),
      },
    });
    offer.madeEventId = made.id;
    await insertRow(manager, OfferEntity, offer);
    await queueOfferWebhook(manager, 'offer.made', offer, made.id);
    const notificationId = await this.announce(manager, referral, offer, partner);
    // One action, its two Redis writes side by side: the commit waits for its actions (afterCommit).
    afterCommit(manager, async () => {
      matchingMetrics().offers.inc({ event: 'offer.made' });
      await Promise.all([
        this.jobs.enqueue(offerExpireJob, { offerId: offer.id }, { at: offer.expiresAt }),
        notificationId ? this.notifications.enqueue(notificationId) : undefined,
      ]);
    });
    return offer;
  }

  /**
   * Expires an offer whose window passed without an answer, and offers the next candidate. Run by
   * the expiry job and by the sweep; whichever comes second, or after the partner's answer, finds
   * the offer no longer pending and does nothing (the offer's row lock decides).
   */
  expire(offerId: string, now: Date): Promise<ExpiryOutcome> {
    return withRetriedTransaction(this.dataSource, async (manager) => {
      const found = await manager.findOne(OfferEntity, {
        where: { id: offerId },
        select: { id: true, referralId: true },
      });
      if (!found) return 'missing';
      const referral = await lockReferral(manager, found.referralId);
      const offer = await lockOffer(manager, offerId);
      if (!referral || !offer) return 'missing';
      if (offer.status !== 'pending') return 'already_resolved';
      if (now.getTime() < offer.expiresAt.getTime()) return 'not_due';
      offer.status = offerStatusAfter(offer, 'expire', now);
      offer.resolvedAt = now;
      await manager.save(offer);
      // No answer counts as the whole window in the partner's response record.
      await this.recordResponse(
        manager,
        offer.partnerId,
        (offer.expiresAt.getTime() - offer.madeAt.getTime()) / HOUR_MS,
      );
      const expired = await publishEvent(manager, OfferExpired, {
        aggregateId: offer.id,
        referralId: offer.referralId,
        actor: SYSTEM_ACTOR,
        causedBy: { correlationId: offer.correlationId, causationId: offer.madeEventId },
        occurredAt: now,
        data: { offerId: offer.id, partnerId: offer.partnerId },
      });
      await queueOfferWebhook(manager, 'offer.expired', offer, expired.id);
      afterCommit(manager, async () => matchingMetrics().offers.inc({ event: 'offer.expired' }));
      const match = await manager.findOneByOrFail(MatchEntity, { id: offer.matchId });
      await this.offerNext(
        manager,
        referral,
        match,
        { correlationId: offer.correlationId, causationId: expired.id },
        now,
      );
      return 'expired';
    });
  }

  /**
   * referral.withdrawn: the open offer is withdrawn and matching stops for good (api.md: every
   * consumer stops its work on that referral); a partner that already took it gets its capacity
   * back at once. The referral is locked.
   */
  async withdrawReferral(
    manager: EntityManager,
    referral: ReferralEntity,
    causedBy: CausedBy,
    now: Date,
  ): Promise<void> {
    if (referral.withdrawnAt) return;
    referral.withdrawnAt = now;
    await manager.update(ReferralEntity, { id: referral.id }, { withdrawnAt: now });
    const pending = await manager.find(OfferEntity, {
      where: { referralId: referral.id, status: 'pending' },
      lock: { mode: 'pessimistic_write' },
    });
    for (const offer of pending) {
      offer.status = offerStatusAfter(offer, 'withdraw', now);
      offer.resolvedAt = now;
      await manager.save(offer);
      const withdrawn = await publishEvent(manager, OfferWithdrawn, {
        aggregateId: offer.id,
        referralId: referral.id,
        actor: SYSTEM_ACTOR,
        causedBy,
        occurredAt: now,
        data: { offerId: offer.id, partnerId: offer.partnerId },
      });
      await queueOfferWebhook(manager, 'offer.withdrawn', offer, withdrawn.id);
      afterCommit(manager, () => this.jobs.remove(offerExpireJob, { offerId: offer.id }).catch(() => false));
      afterCommit(manager, async () => matchingMetrics().offers.inc({ event: 'offer.withdrawn' }));
    }
    await manager
      .createQueryBuilder()
      .update(MatchEntity)
      .set({ status: 'withdrawn', closedAt: now })
      .where('referral_id = :id and status in (:...open)', { id: referral.id, open: ['offering', 'assigned'] })
      .execute();
    // api.md: capacity freed. Idempotent with the case.concluded that scheduling sends next.
    await this.load.release(manager, referral.id, 'referral_withdrawn', now);
  }

  /** One more resolved offer in the partner's response record (accepted, declined or expired). */
  async recordResponse(manager: EntityManager, partnerId: string, hours: number): Promise<void> {
    await manager.query(
      'update partner set offers_resolved = offers_resolved + 1, response_hours_total = response_hours_total + $2 where id = $1',
      [partnerId, Math.max(0, hours)],
    );
  }

  private async endUnmatched(
    manager: EntityManager,
    referral: ReferralEntity,
    match: MatchEntity,
    offersMade: number,
    causedBy: CausedBy,
    now: Date,
  ): Promise<void> {
    match.status = 'unmatched';
    match.closedAt = now;
    await manager.update(MatchEntity, { id: match.id }, { status: 'unmatched', closedAt: now });
    await publishEvent(manager, ReferralUnmatched, {
      aggregateId: match.id,
      referralId: referral.id,
      actor: SYSTEM_ACTOR,
      causedBy,
      occurredAt: now,
      data: { matchId: match.id, offersMade: Math.min(offersMade, MAX_OFFER_RANK) },
    });
    afterCommit(manager, async () => matchingMetrics().offers.inc({ event: 'referral.unmatched' }));
  }

  /**
   * The partner's contact learns of the offer by e-mail: attributes only, never names. Answers
   * the queued notification's id, to be enqueued for delivery once this commits.
   */
  private async announce(
    manager: EntityManager,
    referral: ReferralEntity,
    offer: OfferEntity,
    partner: Pick<PartnerEntity, 'contactEmail'>,
  ): Promise<string | null> {
    if (!partner.contactEmail) return null; // it sees the offer in GET /api/offers all the same
    const { subject, body } = offerAnnouncement({
      offerId: offer.id,
      offenseCategory: referral.offenseCategory,
      severity: referral.severity,
      jurisdiction: referral.jurisdiction,
      languages: referral.languages,
      hasMinor: referral.hasMinor,
      expiresAt: offer.expiresAt,
    });
    const notificationId = await this.notifications.queueEmail(manager, {
      kind: 'offer.made',
      to: partner.contactEmail,
      referralId: referral.id,
      subject,
      body,
    });
    return notificationId;
  }
}
