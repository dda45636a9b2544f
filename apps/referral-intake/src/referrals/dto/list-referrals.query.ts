import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCode, REFERRAL_STATUSES, type ReferralStatus } from '@rj/shared/contracts';
import { ListQueryDto } from '../../common/list-query.dto';

/** `GET /api/referrals?status=&jurisdiction=&limit=&cursor=`. */
export class ListReferralsQueryDto extends ListQueryDto {
  @ApiPropertyOptional({ enum: REFERRAL_STATUSES })
  @IsOptional() @IsIn(REFERRAL_STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({ example: 'NL-NH' })
  @IsOptional() @IsCode()
  jurisdiction?: string;
}
