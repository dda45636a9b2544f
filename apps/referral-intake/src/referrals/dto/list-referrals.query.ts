import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  IsCode,
  IsConsistent,
  IsIsoDate,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  type ReferralSource,
  type ReferralStatus,
} from '@rj/shared/contracts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@rj/shared/service';
import { cursorProblem, REFERRAL_SORTS, type ReferralSort } from '../referral-list-cursor';

/** `?status=a&status=b` and `?status=a,b` both name several statuses. */
const listOf = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((item) => String(item).split(','));

/** The paging every referral list shares: `limit` and an opaque keyset `cursor` (the previous page's `nextCursor`). */
export class ReferralPageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: "The previous page's nextCursor, with the same filters and sort." })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @IsConsistent<ListReferralsQueryDto>((query) => cursorProblem(query.cursor, query.sort))
  cursor?: string;
}

/**
 * `GET /api/referrals`: filtered and sorted on the server, keyset-paged. Every filter is
 * optional and they combine (AND); several statuses combine as OR.
 */
export class ListReferralsQueryDto extends ReferralPageQueryDto {
  @ApiPropertyOptional({
    enum: REFERRAL_STATUSES,
    isArray: true,
    description: 'One or several: `?status=matching&status=offered` or `?status=matching,offered`.',
  })
  @IsOptional()
  @Transform(listOf)
  @ArrayMinSize(1)
  @ArrayMaxSize(REFERRAL_STATUSES.length)
  @ArrayUnique()
  @IsIn(REFERRAL_STATUSES, { each: true })
  status?: ReferralStatus[];

  @ApiPropertyOptional({ example: 'NL-NH' })
  @IsOptional()
  @IsCode()
  jurisdiction?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Admins and auditors: one office's referrals. A prosecutor sees only its own office's either way.",
  })
  @IsOptional()
  @IsUUID()
  officeId?: string;

  @ApiPropertyOptional({
    enum: REFERRAL_SOURCES,
    description: 'Who asked for restorative justice, e.g. `victim_request`.',
  })
  @IsOptional()
  @IsIn(REFERRAL_SOURCES)
  source?: ReferralSource;

  @ApiPropertyOptional({
    format: 'date',
    description:
      'Report-back date on or before this day: with the open statuses and `sort=deadline`, the deadlines at risk (the summary gives the cutoff).',
  })
  @IsOptional()
  @IsIsoDate()
  dueBy?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Submitted on or after this day (UTC).' })
  @IsOptional()
  @IsIsoDate()
  submittedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Submitted on or before this day (UTC).' })
  @IsOptional()
  @IsIsoDate()
  @IsConsistent<ListReferralsQueryDto>((query) =>
    query.submittedFrom && query.submittedTo && query.submittedTo < query.submittedFrom
      ? 'must not be before submittedFrom'
      : undefined,
  )
  submittedTo?: string;

  @ApiPropertyOptional({
    enum: REFERRAL_SORTS,
    default: 'newest',
    description: '`newest`: newest submission first; `deadline`: the soonest report-back date first.',
  })
  @IsOptional()
  @IsIn(REFERRAL_SORTS)
  sort?: ReferralSort;
}

/** `POST /api/referrals/search`: the case number travels in the body, never in a URL (it identifies a person). */
export class SearchReferralsDto extends ReferralPageQueryDto {
  @ApiProperty({
    example: 'PARKET-2025-0042',
    maxLength: 100,
    description: 'Matched exactly, ignoring case, surrounding spaces and runs of inner spaces.',
  })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'must not be blank' })
  caseNumber: string;

  // The search pages newest first only; a `sort` of the list does not apply here.
  sort?: undefined;
}

/** `GET /api/referrals/summary`. */
export class ReferralSummaryQueryDto {
  @ApiPropertyOptional({
    minimum: 0,
    maximum: 365,
    description:
      'The warning window for deadlines at risk, in days; by default the one the deadline scan uses (DEADLINE_RISK_DAYS).',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  withinDays?: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: "Admins and auditors: one office's figures. A prosecutor's are always its own office's.",
  })
  @IsOptional()
  @IsUUID()
  officeId?: string;
}
