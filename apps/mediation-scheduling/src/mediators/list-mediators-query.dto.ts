import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';

/** Mediators are named by `sub`, so the cursor is the last `sub` rather than a UUID. */
export class ListMediatorsQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @IsOptional() @IsString() @Length(1, 100)
  cursor?: string;
}
