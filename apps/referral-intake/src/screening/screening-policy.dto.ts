import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  CODE_PATTERN,
  IsCode,
  OFFENSE_SEVERITIES,
  STAGES,
  type OffenseSeverity,
  type Stage,
} from '@rj/shared/contracts';
import { PageLimitQuery } from '@rj/shared/service';

const MAX_CATEGORIES = 100;
const MAX_POLICIES_LISTED = 1000;

/** `PUT /api/screening-policies/{jurisdiction}` (api.md): the policy as data; every PUT is a new version. */
export class ScreeningPolicyDto {
  @ApiProperty({
    example: ['domestic_violence', 'sexual_offense'],
    description: 'Ineligible unless an admin overrides with a reason.',
  })
  @IsArray()
  @ArrayMaxSize(MAX_CATEGORIES)
  @ArrayUnique()
  @IsCode({ each: true })
  excludedOffenseCategories: string[];

  @ApiProperty({ example: ['assault'], description: 'A person decides, with a recorded reason.' })
  @IsArray()
  @ArrayMaxSize(MAX_CATEGORIES)
  @ArrayUnique()
  @IsCode({ each: true })
  reviewOffenseCategories: string[];

  @ApiProperty({ enum: STAGES, isArray: true })
  @IsArray()
  @ArrayMaxSize(STAGES.length)
  @ArrayUnique()
  @IsIn(STAGES, { each: true })
  allowedStages: Stage[];

  @ApiProperty({ enum: OFFENSE_SEVERITIES, isArray: true })
  @IsArray()
  @ArrayMaxSize(OFFENSE_SEVERITIES.length)
  @ArrayUnique()
  @IsIn(OFFENSE_SEVERITIES, { each: true })
  excludedSeverities: OffenseSeverity[];

  @ApiProperty({ description: 'A protective or no-contact order in force sends the referral to review.' })
  @IsBoolean()
  protectiveOrderNeedsReview: boolean;
}

export class PolicyVersionQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    description: 'A past version; 0 is the built-in default. Without it, the current one.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  version?: number;
}

export class ScreeningPolicyView extends ScreeningPolicyDto {
  @ApiProperty({ example: 'NL-NH', pattern: CODE_PATTERN.source }) jurisdiction: string;
  @ApiProperty({ description: '0 is the built-in default; stored versions start at 1.' }) version: number;
  @ApiProperty({ description: 'True when no policy of its own exists and the built-in default applies.' })
  default: boolean;
  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the version was stored (absent for the built-in default).',
  })
  createdAt?: string;
  @ApiPropertyOptional({
    maxLength: 200, // a subject, as an event's actor carries it
    description: 'The admin who stored the version (absent for the built-in default).',
  })
  createdBy?: string;
}

export class ScreeningPolicyListView {
  // A page of versions holds at most PolicyVersionsQueryDto's limit. The current policies (one per
  // jurisdiction) come unpaged: the bound is a review's figure for a platform's jurisdictions,
  // not one the service enforces.
  @ApiProperty({ type: [ScreeningPolicyView], maxItems: MAX_POLICIES_LISTED }) items: ScreeningPolicyView[];
  @ApiProperty({
    type: String,
    nullable: true,
    pattern: '^\\d{1,7}$',
    description: 'Pass it as `cursor` for the next page (a version number).',
  })
  nextCursor: string | null;
}

/** `GET /api/screening-policies/{jurisdiction}/versions?limit=&cursor=`: newest version first. */
export class PolicyVersionsQueryDto extends PageLimitQuery {
  @ApiPropertyOptional({ description: "The previous page's nextCursor (a version number)." })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_001)
  cursor?: number;
}
