import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  eligibleNotReferredOfOffice,
  recordEligibleNotReferred,
  type EligibleNotReferredEntity,
} from '@rj/outcome/data-access';
import { dateOfInstant, monthMayBeSupplied } from '@rj/outcome/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { Forbidden, InvalidInput } from '@rj/shared/contracts';

export class EligibleNotReferredDto {
  @ApiProperty({ minimum: 0, maximum: 1_000_000, format: 'int32', description: 'cases found eligible, not referred' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  count: number;
}

export class MonthParam {
  @ApiProperty({ example: '2026-07', description: 'a calendar month YYYY-MM that has begun' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be a calendar month YYYY-MM' })
  month: string;
}

export class YearQuery {
  @ApiProperty({ minimum: 2000, maximum: 2100, format: 'int32' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

const view = (row: EligibleNotReferredEntity) => ({
  month: row.month,
  count: row.count,
  recordedAt: row.recordedAt.toISOString(),
});

/**
 * An office's own count, per month, of cases it found eligible for restorative justice but did
 * not refer (domain research M1: the referral rate needs them). Only the office's prosecutors
 * enter and read their exact counts; everyone else sees them in /api/equity, suppressed.
 */
@ApiTags('metrics')
@ApiBearerAuth()
@Controller()
export class EligibleNotReferredController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({ summary: 'The counts this office supplied for one year, month by month (its prosecutors).' })
  @Get('api/eligible-not-referred')
  @Roles('prosecutor')
  async list(@CurrentPrincipal() principal: Principal, @Query() query: YearQuery) {
    const rows = await eligibleNotReferredOfOffice(this.dataSource.manager, officeOf(principal), query.year);
    return { year: query.year, items: rows.map(view) };
  }

  @ApiOperation({
    summary: 'Supply (or correct) the count of eligible cases this office did not refer in one month that has begun.',
  })
  @Put('api/eligible-not-referred/:month')
  @Roles('prosecutor')
  async set(
    @CurrentPrincipal() principal: Principal,
    @Param() params: MonthParam,
    @Body() dto: EligibleNotReferredDto,
  ) {
    if (!monthMayBeSupplied(params.month, dateOfInstant(new Date())))
      throw new InvalidInput('a count can be supplied only for a month that has begun', [
        { field: 'month', message: 'month must have begun' },
      ]);
    const row = { officeId: officeOf(principal), month: params.month, count: dto.count, recordedBy: principal.sub };
    return view(await recordEligibleNotReferred(this.dataSource.manager, row));
  }
}

function officeOf(principal: Principal): string {
  if (!principal.org) throw new Forbidden('a prosecutor must belong to an office');
  return principal.org;
}
