import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { OversightOverview } from './audit-api.views';
import { IsOptional, MaxLength } from 'class-validator';
import { IsTimestamp } from '@rj/shared/contracts';
import { DataSource } from 'typeorm';
import { latestVerifications, ledgerExceptions, personalDataReadVolumes, sampleReferrals } from '@rj/audit/data-access';
import { DEFAULT_UNUSUAL_READS_RULE, unusualReads, verificationView } from '@rj/audit/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { AuditReadRecorder } from './audit-read.recorder';
import { MAX_INSTANT_LENGTH } from './audit-query.dto';

const DAY_MS = 86_400_000;
const READS_WINDOW_DAYS = 7;
const EXCEPTIONS_DAYS = 90;
const SAMPLE_SIZE = 5;

export class OverviewQuery {
  @ApiPropertyOptional({
    description: 'exceptions that occurred at or after this moment (ISO 8601); by default the last 90 days',
  })
  @IsOptional()
  @IsTimestamp()
  @MaxLength(MAX_INSTANT_LENGTH)
  since?: string;
}

/**
 * What oversight looks at first: the chain's last verification, who read unusually much
 * personal data this week against their own usual, the exceptions of the last 90 days and a
 * few cases picked at random to review.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('auditor', 'admin')
@Controller('api/audit/overview')
export class OversightController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: AuditReadRecorder,
  ) {}

  @ApiOperation({
    summary:
      'What oversight looks at first: the last verification, unusual reads of personal data, exceptions and a random sample of referrals.',
  })
  @ApiOkResponse({ type: OversightOverview })
  @Get()
  async overview(@Query() query: OverviewQuery, @CurrentPrincipal() principal: Principal) {
    const now = Date.now();
    const recentFrom = new Date(now - READS_WINDOW_DAYS * DAY_MS).toISOString();
    const baselineFrom = new Date(
      now - READS_WINDOW_DAYS * DAY_MS * (1 + DEFAULT_UNUSUAL_READS_RULE.baselineWindows),
    ).toISOString();
    const [verifications, volumes, exceptions, sample] = await Promise.all([
      latestVerifications(this.dataSource, 1),
      personalDataReadVolumes(this.dataSource, { baselineFrom, recentFrom, until: new Date(now).toISOString() }),
      ledgerExceptions(this.dataSource, query.since ?? new Date(now - EXCEPTIONS_DAYS * DAY_MS).toISOString(), 50),
      sampleReferrals(this.dataSource, SAMPLE_SIZE),
    ]);
    await this.reads.record(principal, {
      endpoint: 'GET /api/audit/overview',
      query: { from: query.since },
      resultCount: exceptions.length,
    });
    return {
      lastVerification: verifications[0] ? verificationView(verifications[0], new Date(now)) : null,
      unusualReads: { windowDays: READS_WINDOW_DAYS, rule: DEFAULT_UNUSUAL_READS_RULE, actors: unusualReads(volumes) },
      exceptions: { since: query.since ?? null, sinceDays: query.since ? null : EXCEPTIONS_DAYS, items: exceptions },
      sample,
    };
  }
}
