import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DECLINE_REASON_CODES, OFFER_STATUSES, type DeclineReasonCode, type OfferStatus } from '@rj/shared/contracts';

export class DeclineOfferDto {
  /** A code, never words: the partner's reasons in prose stay with the partner. */
  @ApiProperty({ enum: DECLINE_REASON_CODES })
  @IsIn(DECLINE_REASON_CODES)
  reasonCode: DeclineReasonCode;
}

export class ListOffersQuery {
  @ApiPropertyOptional({ enum: OFFER_STATUSES })
  @IsOptional()
  @IsIn(OFFER_STATUSES)
  status?: OfferStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The last id of the previous page. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  cursor?: string;
}
