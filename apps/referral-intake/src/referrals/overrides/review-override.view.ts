import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';
import type { ReferralEntity, ReviewOverrideRequestEntity } from '@rj/referral/data-access';
import { CODE_PATTERN } from '@rj/shared/contracts';
import { MAX_PAGE_SIZE } from '@rj/shared/service';
import { ReferralPageQueryDto } from '../dto/list-referrals.query';
import { MAX_FREE_TEXT_LENGTH } from '../dto/party.dto';
import { ReferralSummaryView, summaryView } from '../referral-views';

export const OVERRIDE_REQUEST_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type OverrideRequestStatus = (typeof OVERRIDE_REQUEST_STATUSES)[number];

/**
 * An override of an excluded domestic- or sexual-violence category: who asked and when, what it
 * would lift, where it stands, and the referral's offence facts — never names. The asking
 * admin's reason in words is shown only by `GET /api/review-overrides/{id}` (a logged read).
 */
export class ReviewOverrideView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) referralId: string;
  @ApiProperty({
    enum: OVERRIDE_REQUEST_STATUSES,
    description: 'pending until another admin approves (the override is then applied) or an admin rejects it.',
  })
  status: OverrideRequestStatus;
  @ApiProperty({
    example: 'domestic_violence',
    pattern: CODE_PATTERN.source,
    description:
      'The excluded offence category the override lifts; the referral then goes only to partners specialised in it.',
  })
  category: string;
  // A subject as an event's actor carries it (at most 200 characters).
  @ApiProperty({ maxLength: 200, description: "The asking admin's subject." }) requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ type: String, maxLength: 200, nullable: true, description: 'The admin who approved or rejected it.' })
  decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({
    type: ReferralSummaryView,
    description: 'The referral as it stands: offence facts, screening reasons, status; no personal data.',
  })
  referral: ReferralSummaryView;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: MAX_FREE_TEXT_LENGTH,
    description: 'Only on GET of one request: the reason in words (null once the personal data is erased).',
  })
  reason?: string | null;
}

export class ReviewOverridePageView {
  @ApiProperty({ type: [ReviewOverrideView], maxItems: MAX_PAGE_SIZE }) items: ReviewOverrideView[];
  @ApiProperty({ type: String, nullable: true, maxLength: 100 }) nextCursor: string | null;
}

/** `GET /api/review-overrides?status=pending&limit=&cursor=`: newest first. */
export class ListReviewOverridesQueryDto extends ReferralPageQueryDto {
  @ApiPropertyOptional({ enum: OVERRIDE_REQUEST_STATUSES, description: 'By default every status.' })
  @IsOptional()
  @IsIn(OVERRIDE_REQUEST_STATUSES)
  @Type(() => String)
  status?: OverrideRequestStatus;
}

export function reviewOverrideView(request: ReviewOverrideRequestEntity, referral: ReferralEntity): ReviewOverrideView {
  return {
    id: request.id,
    referralId: request.referralId,
    status: request.status,
    category: request.category,
    requestedBy: request.requestedBySub,
    requestedAt: request.requestedAt.toISOString(),
    decidedBy: request.decidedBySub,
    decidedAt: request.decidedAt?.toISOString() ?? null,
    referral: summaryView(referral),
  };
}
