import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FormErrors } from '../../admin/forms/form-errors';
import { numberOrText } from '../../admin/forms/form-fields';
import { explainFailure } from '../../admin/forms/refusal';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { formatMonth } from '../../platform/formatting';
import type { SessionUser } from '../../platform/session-user';

interface Supplied {
  year: number;
  items: { month: string; count: number; recordedAt: string }[];
}

const LABELS = { month: 'Month', count: 'Number of cases' };
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The months of a year that have begun, latest first: those a count may be supplied for. */
export function monthsToSupply(year: number, today: Date): string[] {
  const last = year < today.getUTCFullYear() ? 12 : year === today.getUTCFullYear() ? today.getUTCMonth() + 1 : 0;
  return Array.from({ length: last }, (_, i) => `${year}-${String(last - i).padStart(2, '0')}`);
}

/**
 * A prosecutor's office supplies, month by month, how many cases it found eligible for
 * restorative justice but did not refer (issue 20): the platform never sees those cases, and
 * equity of access is not judged on referrals alone. Counts only — no case, no person.
 */
@Controller('equity/eligible-not-referred')
@ForRoles('prosecutor')
export class EligibleNotReferredController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async page(@CurrentUser() user: SessionUser, @Query('year') year: unknown, @Res() res: Response): Promise<void> {
    await this.show(user, res, readYear(year), {});
  }

  @Post()
  async supply(
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = { month: String(body['month'] ?? ''), count: String(body['count'] ?? '') };
    const year = MONTH.test(form.month) ? Number(form.month.slice(0, 4)) : new Date().getUTCFullYear();
    try {
      await this.api.put(user, 'outcome-tracking', `/api/eligible-not-referred/${encodeURIComponent(form.month)}`, {
        body: { count: numberOrText(form.count) ?? '' },
      });
      flash(req, 'Count saved', `${formatMonth(form.month)}: ${form.count.trim()} eligible cases not referred.`);
      res.redirect(303, `/equity/eligible-not-referred?year=${year}`);
    } catch (error) {
      const failure = explainFailure(error, LABELS, { fallbackId: 'count' });
      if (!failure) throw error;
      await this.show(user, res.status(failure.status), year, { form, errors: failure.errors });
    }
  }

  private async show(
    user: SessionUser,
    res: Response,
    year: number,
    context: { form?: { month: string; count: string }; errors?: FormErrors },
  ): Promise<void> {
    const supplied = await this.api.get<Supplied>(user, 'outcome-tracking', '/api/eligible-not-referred', {
      query: { year: String(year) },
    });
    const months = monthsToSupply(year, new Date());
    const byMonth = new Map(supplied.items.map((item) => [item.month, item.count]));
    res.render('pages/figures/eligible-not-referred.njk', {
      title: 'Eligible cases not referred',
      year,
      years: [year - 1, year + 1].filter((y) => y <= new Date().getUTCFullYear()),
      rows: months.map((month) => ({ month, label: formatMonth(month), count: byMonth.get(month) ?? null })),
      monthChoices: months.map((month) => ({
        value: month,
        text: formatMonth(month),
        selected: month === (context.form?.month ?? months[0]),
      })),
      ...context,
    });
  }
}

function readYear(value: unknown): number {
  const year = Number(value);
  const now = new Date().getUTCFullYear();
  return Number.isInteger(year) && year >= 2000 && year <= now ? year : now;
}
