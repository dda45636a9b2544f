import { Controller, Get, NotFoundException, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import { barChartSvg } from './bar-chart';
import { chartDescription, figureTables, tableCsv, type MetricsAnswer } from './figure-tables';
import { figuresQueryString, readFiguresFilters } from './figures-filters';
import { staffPath, type StaffRegister } from '../prosecutor/staff-training/staff-training.controller';

/**
 * The outcome figures as pictures and tables, for those GET /api/metrics serves (a prosecutor
 * sees their own office's figures only: the service decides). Charts are SVG drawn here.
 */
@Controller('figures')
@ForRoles('admin', 'auditor', 'prosecutor')
export class FiguresController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async page(
    @CurrentUser() user: SessionUser,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { filters, errors } = readFiguresFilters(query);
    const answer = await this.api.get<MetricsAnswer>(user, 'outcome-tracking', '/api/metrics', {
      query: { ...filters },
    });
    const queryString = figuresQueryString(filters);
    const tables = figureTables(answer).map((table) => ({
      ...table,
      svg: barChartSvg({
        id: `chart-${table.id}`,
        title: table.title,
        description: chartDescription(table),
        bars: table.rows,
      }),
      csvUrl: `/figures/csv/${table.id}${queryString}`,
    }));
    res.status(errors.length ? 400 : 200).render('pages/figures/figures.njk', {
      title: 'Outcome figures',
      pageHasErrors: errors.length > 0,
      errors,
      problems: Object.fromEntries(errors.map((error) => [error.href.slice(1), error.text])),
      filters,
      threshold: answer.suppressionThreshold,
      tables,
      // A prosecutor's office's own staff training (issue 22), next to its outcome figures.
      staffFigures:
        user.role === 'prosecutor'
          ? (await this.api.get<StaffRegister>(user, 'referral-intake', staffPath(user))).figures
          : null,
    });
  }

  @Get('csv/:table')
  async csv(
    @CurrentUser() user: SessionUser,
    @Param('table') id: string,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const { filters } = readFiguresFilters(query);
    const answer = await this.api.get<MetricsAnswer>(user, 'outcome-tracking', '/api/metrics', {
      query: { ...filters },
    });
    const table = figureTables(answer).find((candidate) => candidate.id === id);
    if (!table) throw new NotFoundException();
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${table.id}.csv"`);
    res.send(tableCsv(table));
  }
}
