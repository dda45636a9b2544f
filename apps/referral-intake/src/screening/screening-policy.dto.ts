import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCode, OFFENSE_SEVERITIES, STAGES, type OffenseSeverity, type Stage } from '@rj/shared/contracts';

const MAX_CATEGORIES = 100;

/** `PUT /api/screening-policies/{jurisdiction}` (api.md): the policy as data; every PUT is a new version. */
export class ScreeningPolicyDto {
  @ApiProperty({ example: ['domestic_violence', 'sexual_offense'], description: 'Ineligible unless an admin overrides with a reason.' })
  @IsArray() @ArrayMaxSize(MAX_CATEGORIES) @ArrayUnique() @IsCode({ each: true })
  excludedOffenseCategories: string[];

  @ApiProperty({ example: ['assault'], description: 'A person decides, with a recorded reason.' })
  @IsArray() @ArrayMaxSize(MAX_CATEGORIES) @ArrayUnique() @IsCode({ each: true })
  reviewOffenseCategories: string[];

  @ApiProperty({ enum: STAGES, isArray: true })
  @IsArray() @ArrayMaxSize(STAGES.length) @ArrayUnique() @IsIn(STAGES, { each: true })
  allowedStages: Stage[];

  @ApiProperty({ enum: OFFENSE_SEVERITIES, isArray: true })
  @IsArray() @ArrayMaxSize(OFFENSE_SEVERITIES.length) @ArrayUnique() @IsIn(OFFENSE_SEVERITIES, { each: true })
  excludedSeverities: OffenseSeverity[];

  @ApiProperty({ description: 'A protective or no-contact order in force sends the referral to review.' })
  @IsBoolean()
  protectiveOrderNeedsReview: boolean;
}

export class PolicyVersionQueryDto {
  @ApiPropertyOptional({ minimum: 0, description: 'A past version; 0 is the built-in default. Without it, the current one.' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000)
  version?: number;
}

export class ScreeningPolicyView extends ScreeningPolicyDto {
  @ApiProperty({ example: 'NL-NH' }) jurisdiction: string;
  @ApiProperty({ description: '0 is the built-in default; stored versions start at 1.' }) version: number;
  @ApiProperty({ description: 'True when no policy of its own exists and the built-in default applies.' }) default: boolean;
  @ApiPropertyOptional() createdAt?: string;
}
