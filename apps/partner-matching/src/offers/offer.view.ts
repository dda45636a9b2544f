import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { OfferEntity, ReferralEntity } from '@rj/matching/data-access';
import { DECLINE_REASON_CODES, OFFER_STATUSES, type DeclineReasonCode, type OfferStatus } from '@rj/shared/contracts';

/**
 * An offer as its partner sees it (api.md: referralId, offence category and severity,
 * jurisdiction, languages, minors, expiresAt): what a programme needs to decide, never names or
 * contacts. Built from matching's own copy, which holds none.
 */
export class OfferView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty() offenseCategory: string;
  @ApiProperty() severity: string;
  @ApiProperty() jurisdiction: string;
  @ApiProperty({ type: [String], description: "the parties' preferred languages" }) languages: string[];
  @ApiProperty({ description: 'a party is a minor' }) hasMinor: boolean;
  @ApiProperty({ format: 'date-time' }) madeAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true }) resolvedAt: string | null;
  @ApiPropertyOptional({ enum: DECLINE_REASON_CODES, nullable: true }) declineReasonCode: DeclineReasonCode | null;
}

export function offerView(offer: OfferEntity, referral: Pick<ReferralEntity, 'offenseCategory' | 'severity' | 'jurisdiction' | 'languages' | 'hasMinor'>): OfferView {
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
  @ApiProperty({ type: [OfferView] }) items: OfferView[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
