import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { MetricsResponse } from '../views/outcome-api.views';
import { IsOptional, IsUUID } from 'class-validator';
import { outcomeFiguresFromTallies, type MetricsFilter } from '@rj/outcome/domain';
import { CurrentPrincipal, Roles, type Principal } from '@rj/shared/auth';
import { IsCode, IsIsoDate } from '@rj/shared/contracts';
import { SERVICE_CONFIG } from '@rj/shared/service';
import type { OutcomeTrackingEnv } from '../outcome-tracking.env';
import { DataSource } from 'typeorm';
import { outcomeTallies } from '@rj/outcome/data-access';

export class MetricsQuery {
  @ApiPropertyOptional() @IsOptional() @IsCode() jurisdiction?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() partnerId?: string;
  @ApiPropertyOptional({ example: '2026-01-01' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ example: '2026-12-31' }) @IsOptional() @IsIsoDate() to?: string;
}

/** Outcome figures (product.md; definitions in docs/metrics.md), small counts suppressed. */
@ApiTags('metrics')
@ApiBearerAuth()
@Controller()
export class MetricsController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: OutcomeTrackingEnv,
  ) {}

  @ApiOperation({
    summary:
      'The outcome figures (docs/metrics.md) for a jurisdiction, partner and period; small counts suppressed; a prosecutor sees its own office’s.',
  })
  @ApiOkResponse({ type: MetricsResponse })
  @Get('api/metrics')
  @Roles('admin', 'auditor', 'prosecutor')
  async figures(@CurrentPrincipal() principal: Principal, @Query() query: MetricsQuery) {
    const filter: MetricsFilter = {
      jurisdiction: query.jurisdiction,
      partnerId: query.partnerId,
      from: query.from,
      to: query.to,
    };
    // A prosecutor sees only its own office's figures (api.md); an office-less token sees none.
    const officeId = principal.role === 'prosecutor' ? (principal.org ?? '00000000-0000-0000-0000-000000000000') : null;
    // Counted by Postgres over the scope: the history is never loaded to be counted (issue 15).
    const tallies = await outcomeTallies(this.dataSource, filter, officeId);
    const figures = outcomeFiguresFromTallies(tallies, { suppressBelow: this.config.METRICS_SUPPRESSION_THRESHOLD });
    return { filter: stripUndefined(filter), suppressionThreshold: this.config.METRICS_SUPPRESSION_THRESHOLD, figures };
  }
}

function stripUndefined(filter: MetricsFilter): MetricsFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}
