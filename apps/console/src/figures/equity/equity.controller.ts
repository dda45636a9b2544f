import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import type { SessionUser } from '../../platform/session-user';
import { eligibleView, equityTables, PERIOD_PATTERN, stageHeadings, type EquityAnswer } from './equity-view';

interface OfficePage {
  items: { id: string; name: string }[];
}

/**
 * Equity of access (issue 20): who reaches each stage, by one attribute at a time, for a fixed
 * calendar period, and the eligible cases offices did not refer. Figures only, as
 * GET /api/equity gives them — withheld cells say so; nothing about any one person is shown.
 */
@Controller('equity')
@ForRoles('admin', 'auditor', 'prosecutor')
export class EquityController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async page(@CurrentUser() user: SessionUser, @Query('period') asked: unknown, @Res() res: Response): Promise<void> {
    const fallback = String(new Date().getUTCFullYear());
    const valid = typeof asked === 'string' && PERIOD_PATTERN.test(asked.trim());
    const period = valid ? (asked as string).trim() : fallback;
    const answer = await this.api.get<EquityAnswer>(user, 'outcome-tracking', '/api/equity', { query: { period } });
    const errors =
      asked === undefined || valid
        ? []
        : [{ href: '#period', text: 'Period must be a year (2026), a quarter (2026-Q3) or a month (2026-07)' }];
    res.status(errors.length ? 400 : 200).render('pages/figures/equity.njk', {
      title: 'Equity of access',
      pageHasErrors: errors.length > 0,
      errors,
      periodAsked: typeof asked === 'string' ? asked : period,
      period,
      minimum: answer.minimum,
      stages: stageHeadings(answer),
      tables: equityTables(answer),
      eligible: eligibleView(answer, await this.officeNames(user)),
    });
  }

  /** A prosecutor's own office reads as such; an administrator sees offices by name. */
  private async officeNames(user: SessionUser): Promise<Map<string, string>> {
    if (user.role === 'prosecutor') return new Map(user.org ? [[user.org, 'Your office']] : []);
    if (user.role !== 'admin') return new Map();
    const page = await this.api.get<OfficePage>(user, 'referral-intake', '/api/offices', { query: { limit: '100' } });
    return new Map(page.items.map((office) => [office.id, office.name]));
  }
}
