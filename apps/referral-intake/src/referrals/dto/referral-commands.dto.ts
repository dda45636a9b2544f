import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import {
  IsIsoDate,
  REVIEW_DECISIONS,
  WITHDRAW_REASON_CODES,
  type ReviewDecision,
  type WithdrawReasonCode,
} from '@rj/shared/contracts';
import { MAX_FREE_TEXT_LENGTH } from './party.dto';

/** `POST /api/referrals/{id}/review`: a person decides, with a recorded reason. */
export class ReviewReferralDto {
  @ApiProperty({ enum: REVIEW_DECISIONS })
  @IsIn(REVIEW_DECISIONS)
  decision: ReviewDecision;

  @ApiProperty({ maxLength: MAX_FREE_TEXT_LENGTH, description: 'Kept encrypted in intake; never in events.' })
  @IsString()
  @Length(1, MAX_FREE_TEXT_LENGTH)
  @Matches(/\S/, { message: 'must not be blank' })
  reason: string;
}

/** `POST /api/referrals/{id}/withdraw`. */
export class WithdrawReferralDto {
  @ApiProperty({ enum: WITHDRAW_REASON_CODES })
  @IsIn(WITHDRAW_REASON_CODES)
  reasonCode: WithdrawReasonCode;
}

/** `PATCH /api/referrals/{id}`: the report-back deadline, later dates only. */
export class ExtendDeadlineDto {
  @ApiProperty({ format: 'date' })
  @IsIsoDate()
  reportBackBy: string;
}
