import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MATCH_STATUSES, type MatchEntity, type MatchStatus, type OfferEntity } from '@rj/matching/data-access';
import { DECLINE_REASON_CODES, OFFER_STATUSES, type DeclineReasonCode, type OfferStatus } from '@rj/shared/contracts';

export class CandidateView {
  @ApiProperty({ description: '1 = best; offers go out in this order' }) rank: number;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String], example: ['language_match:2_of_2', 'specialist', 'load:0.25', 'response_time:0.50'] }) reasons: string[];
}

export class ExcludedView {
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty({ type: [String], example: ['jurisdiction_not_served'], description: 'the hard constraints it failed' }) reasons: string[];
}

export class MatchOfferView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) partnerId: string;
  @ApiProperty() rank: number;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty({ format: 'date-time' }) madeAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiPropertyOptional({ enum: DECLINE_REASON_CODES, nullable: true }) declineReasonCode: DeclineReasonCode | null;
}

/** A referral's match, whole, for the owning office, auditors and admins: ids, scores and codes only. */
export class MatchView {
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ format: 'uuid' }) matchId: string;
  @ApiProperty({ enum: MATCH_STATUSES }) status: MatchStatus;
  @ApiProperty({ description: 'the ranking weights version that ranked (GET /api/ranking-weights)' }) weightsVersion: number;
  @ApiProperty({ format: 'date-time' }) computedAt: string;
  @ApiProperty({ type: [CandidateView] }) candidates: CandidateView[];
  @ApiProperty({ type: [ExcludedView] }) excluded: ExcludedView[];
  @ApiProperty({ type: [MatchOfferView], description: 'offers made, in order' }) offers: MatchOfferView[];
}

export function matchView(match: MatchEntity, offers: OfferEntity[]): MatchView {
  return {
    referralId: match.referralId,
    matchId: match.id,
    status: match.status,
    weightsVersion: match.weightsVersion,
    computedAt: match.computedAt.toISOString(),
    candidates: match.candidates.map((c, index) => ({ rank: index + 1, partnerId: c.partnerId, score: c.score, reasons: [...c.reasons] })),
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
  @ApiProperty({ type: [RankingWeightsView], description: 'newest first; the first ranks now' }) items: RankingWeightsView[];
}
