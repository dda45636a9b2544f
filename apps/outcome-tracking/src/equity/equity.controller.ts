import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import {
  computeEligibleNotReferred,
  computeEquityFigures,
  dateOfInstant,
  INTERNAL_MINIMUM,
  parsePeriod,
} from '@rj/outcome/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { EquityFactsRepository } from './equity-facts.repository';

/** A fixed calendar period: a year, a quarter or a month. */
export const PERIOD_PATTERN = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

export class EquityQuery {
  @ApiProperty({ example: '2026-Q3', description: 'a fixed calendar period: YYYY, YYYY-Qn or YYYY-MM' })
  @Matches(PERIOD_PATTERN, { message: 'period must be a year (2026), a quarter (2026-Q3) or a month (2026-07)' })
  period: string;
}

/**
 * Equity of access (docs/metrics.md): how many people reached each stage, by one attribute at
 * a time, for a fixed calendar period — never from/to, so no two answers overlap in a way that
 * subtracts to a withheld cell. Internal figures: at least 5, with complementary suppression.
 */
@ApiTags('metrics')
@ApiBearerAuth()
@Controller()
export class EquityController {
  constructor(
    private readonly facts: EquityFactsRepository,
    @Inject(SERVICE_CONFIG) private readonly config: OutcomeTrackingEnv,
  ) {}

  @Get('api/equity')
  @ApiOperation({
    summary:
      'Equity of access: how many people reached each stage, by one attribute at a time, for a fixed calendar period; small cells suppressed.',
  })
  @Roles('admin', 'auditor', 'prosecutor')
  async figures(@CurrentPrincipal() principal: Principal, @Query() query: EquityQuery) {
    const period = parsePeriod(query.period);
    if (!period) throw new BadRequestException('period must be a year, a quarter or a month'); // the DTO's pattern already says so
    // A prosecutor sees only its own office's people (as GET /api/metrics); an office-less token sees none.
    const officeId = principal.role === 'prosecutor' ? (principal.org ?? '00000000-0000-0000-0000-000000000000') : null;
    const people = await this.facts.peopleOfYear(period.year, officeId);
    const supplied = await this.facts.eligibleNotReferredOfYear(period.year, officeId);
    const minimum = Math.max(INTERNAL_MINIMUM, this.config.METRICS_SUPPRESSION_THRESHOLD);
    const today = dateOfInstant(new Date());
    return {
      ...computeEquityFigures(people, period, today, minimum),
      eligibleNotReferred: computeEligibleNotReferred(supplied, period, today, minimum),
    };
  }
}
