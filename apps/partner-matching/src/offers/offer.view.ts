import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OfferEntity, ReferralEntity } from '@rj/matching/data-access';
import {
  CODE_PATTERN,
  DECLINE_REASON_CODES,
  LANGUAGE_PATTERN,
  MAX_PARTICIPANTS,
  OFFENSE_SEVERITIES,
  OFFER_STATUSES,
  type DeclineReasonCode,
  type OfferStatus,
} from '@rj/shared/contracts';
import { MAX_PAGE_SIZE } from '@rj/shared/service';

/** How an offer stands, as both its partner and the match's owners see it. */
export class OfferStateView {
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty({ format: 'date-time' }) madeAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiPropertyOptional({ enum: DECLINE_REASON_CODES, nullable: true }) declineReasonCode: DeclineReasonCode | null;
}

/**
 * An offer as its partner sees it (api.md: referralId, offence category and severity,
 * jurisdiction, languages, minors, expiresAt): what a programme needs to decide, never names or
 * contacts. Built from matching's own copy, which holds none.
 */
export class OfferView extends OfferStateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  // As referral.submitted carries them.
  @ApiProperty({ pattern: CODE_PATTERN.source }) offenseCategory: string;
  @ApiProperty({ enum: OFFENSE_SEVERITIES }) severity: string;
  @ApiProperty({ pattern: CODE_PATTERN.source }) jurisdiction: string;
  @ApiProperty({
    type: [String],
    maxItems: MAX_PARTICIPANTS,
    pattern: LANGUAGE_PATTERN.source,
    description: "the parties' preferred languages",
  })
  languages: string[];
  @ApiProperty({ description: 'a party is a minor' }) hasMinor: boolean;
}

export function offerView(
  offer: OfferEntity,
  referral: Pick<ReferralEntity, 'offenseCategory' | 'severity' | 'jurisdiction' | 'languages' | 'hasMinor'>,
): OfferView {
  return {
    id: offer.id,
    referralId: offer.referralId,
    status: offer.status,
    offenseCategory: referral.offenseCategory,
    severity: referral.severity,
    jurisdiction: referral.jurisdiction,
    languages: referral.languages,
    hasMinor: referral.hasMinor,
    madeAt: offer.madeAt.toISOString(),
    expiresAt: offer.expiresAt.toISOString(),
    resolvedAt: offer.resolvedAt?.toISOString() ?? null,
    declineReasonCode: offer.declineReason,
  };
}

export class OfferPage {
  @ApiProperty({ type: [OfferView], maxItems: MAX_PAGE_SIZE }) items: OfferView[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) nextCursor: string | null;
}
