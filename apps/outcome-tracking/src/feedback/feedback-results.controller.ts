import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  childPeriods,
  feedbackResults,
  formatPeriod,
  INTERNAL_MINIMUM,
  parsePeriod,
  type FeedbackSurvey,
} from '@rj/outcome/domain';
import { feedbackOfQuarters } from '@rj/outcome/data-access';
import { Roles } from '@rj/shared/auth';
import { IsCode } from '@rj/shared/contracts';

export class FeedbackResultsQuery {
  @ApiProperty({
    example: '2026-Q4',
    description: 'a year or a quarter (answers keep only the quarter of their survey’s release)',
  })
  @Matches(/^\d{4}(-Q[1-4])?$/, { message: 'period must be a year (2026) or a quarter (2026-Q4)' })
  period: string;
  @ApiPropertyOptional() @IsOptional() @IsCode() jurisdiction?: string;
}

/** Participants' feedback in aggregate only, by survey and role, suppressed (docs/metrics.md). */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller()
export class FeedbackResultsController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({
    summary:
      'Feedback results by survey and role: released, answered, response rate, share agreeing per item (admin, auditor).',
  })
  @Get('api/feedback/results')
  @Roles('admin', 'auditor')
  async results(@Query() query: FeedbackResultsQuery) {
    const period = parsePeriod(query.period);
    const quarters = period?.kind === 'year' ? childPeriods(period).map(formatPeriod) : [query.period];
    const { released, answered } = await feedbackOfQuarters(this.dataSource.manager, quarters, query.jurisdiction);
    const groups = feedbackResults(
      released.map((r) => ({ survey: r.survey as FeedbackSurvey, role: r.role })),
      answered.map((a) => ({ survey: a.survey as FeedbackSurvey, role: a.role, answers: a.answers })),
      'internal',
    );
    return { period: query.period, jurisdiction: query.jurisdiction ?? null, minimum: INTERNAL_MINIMUM, groups };
  }
}
