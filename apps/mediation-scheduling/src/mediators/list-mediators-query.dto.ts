import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Mediators are named by `sub`, so the cursor is the last `sub` rather than a UUID. */
export class ListMediatorsQueryDto {
  @ApiPropertyOptional({ type: Number, minimum: 1, maximum: 100, default: 50 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ minLength: 1, maxLength: 100, description: 'The last `sub` of the previous page.' })
  @IsOptional() @IsString() @Length(1, 100)
  cursor?: string;
}
