import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allRankingWeights, MatchEntity, OfferEntity, ReferralEntity } from '@rj/matching/data-access';
import { assertOwnedBy, type Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import { matchView, type MatchView, type RankingWeightsList } from './match.view';

/** Reads of matches and weights, for the people api.md lets see them. */
@Injectable()
export class MatchReader {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A referral's match, whole: for the office that referred it (another office's referral is a
   * 404, existence not revealed), auditors and admins (the controller admits the roles).
   */
  async matchOf(principal: Principal, referralId: string): Promise<MatchView> {
    const referral = await this.dataSource.getRepository(ReferralEntity).findOneBy({ id: referralId });
    if (!referral) throw new NotFound('referral not found');
    if (principal.role === 'prosecutor') assertOwnedBy(principal, referral.officeId, 'referral not found');
    const match = await this.dataSource.getRepository(MatchEntity).findOneBy({ referralId });
    if (!match) throw new NotFound('this referral has not been matched (not eligible, or not screened yet)');
    const offers = await this.dataSource
      .getRepository(OfferEntity)
      .find({ where: { matchId: match.id }, order: { madeAt: 'ASC', rank: 'ASC' } });
    return matchView(match, offers);
  }

  async rankingWeights(): Promise<RankingWeightsList> {
    const items = await allRankingWeights(this.dataSource.manager);
    return { items: items.map((weights) => ({ ...weights, createdAt: weights.createdAt.toISOString() })) };
  }
}
