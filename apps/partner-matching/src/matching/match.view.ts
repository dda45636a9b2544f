import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { MATCH_STATUSES, type MatchEntity, type MatchStatus, type OfferEntity } from '@rj/matching/data-access';
import { CODE_PATTERN } from '@rj/shared/contracts';
import { OfferStateView } from '../offers/offer.view';

const MAX_PARTNERS_LISTED = 10_000;

/** Reason codes as match.computed bounds them (IsCodeList(20)). */
const REASON_CODES: ApiPropertyOptions = { type: [String], maxItems: 20, pattern: CODE_PATTERN.source };

export class CandidateView {
  @ApiProperty({ description: '1 = best; offers go out in this order' }) rank: number;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() score: number;
  @ApiProperty({ ...REASON_CODES, example: ['language_match:2_of_2', 'specialist', 'load:0.25', 'response_time:0.50'] })
  reasons: string[];
}

export class ExcludedView {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ ...REASON_CODES, example: ['jurisdiction_not_served'], description: 'the hard constraints it failed' })
  reasons: string[];
}

export class MatchOfferView extends OfferStateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() rank: number;
}

/** A referral's match, whole, for the owning office, auditors and admins: ids, scores and codes only. */
export class MatchView {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ description: 'the ranking weights version that ranked (GET /api/ranking-weights)' })
  weightsVersion: number;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  // One entry per registered partner (the stored match is whole; only match.computed is trimmed
  // to MAX_MATCH_PARTNERS). The bound is a review's figure for a platform's partners, not one
  // the service enforces.
  @ApiProperty({ type: [CandidateView], maxItems: MAX_PARTNERS_LISTED }) candidates: CandidateView[];
  @ApiProperty({ type: [ExcludedView], maxItems: MAX_PARTNERS_LISTED }) excluded: ExcludedView[];
  @ApiProperty({
    type: [MatchOfferView],
    maxItems: MAX_PARTNERS_LISTED,
    description: 'offers made, in order (one per candidate at most)',
  })
  offers: MatchOfferView[];
}

export function matchView(match: MatchEntity, offers: OfferEntity[]): MatchView {
  return {
    referralId: match.referralId,
    matchId: match.id,
    status: match.status,
    weightsVersion: match.weightsVersion,
    computedAt: match.computedAt.toISOString(),
    candidates: match.candidates.map((c, index) => ({
      rank: index + 1,
      partnerId: c.partnerId,
      score: c.score,
      reasons: [...c.reasons],
    })),
    excluded: match.excluded.map((e) => ({ partnerId: e.partnerId, reasons: [...e.reasons] })),
    offers: offers.map((o) => ({
      id: o.id,
      partnerId: o.partnerId,
      rank: o.rank,
      status: o.status,
      madeAt: o.madeAt.toISOString(),
      expiresAt: o.expiresAt.toISOString(),
      resolvedAt: o.resolvedAt?.toISOString() ?? null,
      declineReasonCode: o.declineReason,
    })),
  };
}

export class RankingWeightsView {
  @ApiProperty() version: number;
  @ApiProperty() language: number;
  @ApiProperty() specialty: number;
  @ApiProperty() load: number;
  @ApiProperty() responseTime: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class RankingWeightsList {
  // A version is a number up to 1,000,000 (match.computed's weightsVersion), each listed once.
  @ApiProperty({ type: [RankingWeightsView], maxItems: 1_000_000, description: 'newest first; the first ranks now' })
  items: RankingWeightsView[];
}
