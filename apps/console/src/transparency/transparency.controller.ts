import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PublicPage } from '../auth/access';
import { PublicReportClient } from './public-report.client';
import { DEFINITIONS, describePeriod, reportCsv, reportRows, type PublicReport } from './report-rows';

/** Published figures change only when a period is first published; a cache may keep them an hour. */
const CACHE = 'public, max-age=3600';
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const FILE = /^(\d{4}(?:-Q[1-4])?)(?:\.(csv|json))?$/;

/**
 * The public transparency report (issue 20): no sign-in. Per opted-in jurisdiction and ended
 * period, the figures outcome-tracking published — already suppressed and frozen — as a
 * printable page, CSV and JSON at stable addresses, each figure linked to its definition.
 */
@Controller('transparency')
@PublicPage()
export class TransparencyController {
  constructor(private readonly reports: PublicReportClient) {}

  @Get()
  async index(@Res() res: Response): Promise<void> {
    const { items } = await this.reports.get<{ items: { jurisdiction: string; periods: string[] }[] }>(
      '/api/transparency',
    );
    res.setHeader('cache-control', CACHE);
    res.render('pages/transparency/index.njk', {
      title: 'Restorative justice: published figures',
      jurisdictions: items.map((item) => ({
        ...item,
        periods: item.periods.map((period) => ({ period, text: describePeriod(period) })),
      })),
    });
  }

  @Get('definitions')
  definitions(@Res() res: Response): void {
    res.setHeader('cache-control', CACHE);
    res.render('pages/transparency/definitions.njk', {
      title: 'How the published figures are counted',
      definitions: DEFINITIONS,
    });
  }

  @Get(':jurisdiction/:file')
  async report(
    @Param('jurisdiction') jurisdiction: string,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    const match = FILE.exec(file);
    if (!CODE.test(jurisdiction) || !match) throw new NotFoundException();
    const [, period, format] = match;
    const report = await this.reports.get<PublicReport>(
      `/api/transparency/${encodeURIComponent(jurisdiction)}/${period}`,
    );
    res.setHeader('cache-control', CACHE);
    if (format === 'json') {
      res.json(report);
      return;
    }
    if (format === 'csv') {
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="transparency-${jurisdiction}-${period}.csv"`);
      res.send(reportCsv(report));
      return;
    }
    const base = `/transparency/${encodeURIComponent(jurisdiction)}/${period}`;
    res.render('pages/transparency/report.njk', {
      title: `Published figures: ${jurisdiction}, ${describePeriod(period)}`,
      report,
      rows: reportRows(report),
      periodText: describePeriod(period),
      csvUrl: `${base}.csv`,
      jsonUrl: `${base}.json`,
    });
  }
}
