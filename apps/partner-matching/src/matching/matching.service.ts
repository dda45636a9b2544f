import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { currentRankingWeights, MatchEntity, PartnerProfileCache, type ReferralEntity } from '@rj/matching/data-access';
import { rankPartners, trimMatchForEvent } from '@rj/matching/domain';
import { MatchComputed, uuidv7 } from '@rj/shared/contracts';
import { publishEvent } from '@rj/shared/messaging';
import { afterCommit, insertRow } from '@rj/shared/persistence';
import { matchingMetrics } from '../offers/matching-metrics';
import { OfferFlow, SYSTEM_ACTOR, type CausedBy } from '../offers/offer-flow.service';
import { attributesOf } from '../offers/referral-attributes';
import { credentialedSpecialistsFor } from '../practice/specialist-credentials';

/**
 * Matches an eligible referral (product.md, Matching): ranks every registered partner with the
 * current weights, keeps the whole result, announces it (match.computed, trimmed to the
 * contract's limits) and makes the first offer.
 */
@Injectable()
export class MatchingService {
  private readonly logger = new Logger(MatchingService.name);
  /** Profiles between matches: only the partners written since the last match are read again. */
  private readonly partnerProfiles = new PartnerProfileCache();

  constructor(private readonly offers: OfferFlow) {}

  /**
   * Runs with the referral's row locked. A referral is matched once: a repeated or second eligible
   * decision finds the match and does nothing, so no event makes a second offer.
   */
  async startMatching(
    manager: EntityManager,
    referral: ReferralEntity,
    causedBy: CausedBy,
    now: Date,
  ): Promise<MatchEntity | null> {
    if (referral.withdrawnAt) return null;
    const matched = await manager.query('select 1 from referral_match where referral_id = $1 limit 1', [referral.id]);
    if (matched.length) {
      this.logger.log(`referral ${referral.id} is already matched: nothing to do`);
      return null;
    }
    const weights = await currentRankingWeights(manager);
    const partners = await this.partnerProfiles.profiles(manager);
    const started = process.hrtime.bigint();
    const specialists = await credentialedSpecialistsFor(manager, referral, now);
    const result = rankPartners(attributesOf(referral, specialists), partners, weights);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    const match = manager.create(MatchEntity, {
      id: uuidv7(),
      referralId: referral.id,
      weightsVersion: result.weightsVersion,
      candidates: result.candidates,
      excluded: result.excluded,
      status: 'offering',
      computedAt: now,
      closedAt: null,
    });
    await insertRow(manager, MatchEntity, match);
    const summary = trimMatchForEvent(result);
    const computed = await publishEvent(manager, MatchComputed, {
      aggregateId: match.id,
      referralId: referral.id,
      actor: SYSTEM_ACTOR,
      causedBy,
      occurredAt: now,
      data: {
        matchId: match.id,
        weightsVersion: summary.weightsVersion,
        candidates: summary.candidates.map((c) => ({
          partnerId: c.partnerId,
          score: c.score,
          reasons: [...c.reasons],
        })),
        excluded: summary.excluded.map((e) => ({ partnerId: e.partnerId, reasons: [...e.reasons] })),
      },
    });
    afterCommit(manager, async () => matchingMetrics().rankingSeconds.observe(seconds));
    await this.offers.offerNext(
      manager,
      referral,
      match,
      { correlationId: causedBy.correlationId, causationId: computed.id },
      now,
      { profiles: new Map(partners.map((profile) => [profile.partnerId, profile])), specialists },
    );
    return match;
  }
}
