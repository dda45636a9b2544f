import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';
import { PageLimitQuery } from '@rj/shared/service';

/** Mediators are named by `sub`, so the cursor is the last `sub` rather than a UUID. */
export class ListMediatorsQueryDto extends PageLimitQuery {
  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'The last `sub` of the previous page.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  cursor?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: '`true`: only mediators who can be proposed; `false`: only deactivated ones.',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  active?: boolean;
}
