import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DECLINE_REASON_CODES, OFFER_STATUSES, type DeclineReasonCode, type OfferStatus } from '@rj/shared/contracts';
import { PageQuery } from '@rj/shared/service';

export class DeclineOfferDto {
  /** A code, never words: the partner's reasons in prose stay with the partner. */
  @ApiProperty({ enum: DECLINE_REASON_CODES })
  @IsIn(DECLINE_REASON_CODES)
  reasonCode: DeclineReasonCode;
}

export class ListOffersQuery extends PageQuery {
  @ApiPropertyOptional({ enum: OFFER_STATUSES })
  @IsOptional()
  @IsIn(OFFER_STATUSES)
  status?: OfferStatus;
}
