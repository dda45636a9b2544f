import { Body, Controller, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { numberOrText, text } from '../forms/form-fields';
import type { FormErrors } from '../forms/form-errors';
import { explainFailure } from '../forms/refusal';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import type { SessionUser } from '../../platform/session-user';

const JURISDICTION = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const NUMBERS = [
  'minBasicMediationHours',
  'minRestorativeJusticeHours',
  'supervisionIntervalDays',
  'supervisionGraceDays',
  'caseloadCap',
  'coFacilitatedCasesBeforeLead',
] as const;
export const THRESHOLD_LABELS: Record<string, string> = {
  minBasicMediationHours: 'Hours of basic mediation training',
  minRestorativeJusticeHours: 'Hours of restorative-justice training',
  supervisionIntervalDays: 'Days between supervision sessions',
  supervisionGraceDays: 'Days of grace after supervision falls due',
  caseloadCap: 'Open cases a mediator may carry',
  coFacilitatedCasesBeforeLead: 'Cases co-facilitated before leading',
  timeZone: 'Time zone',
};

/**
 * What each threshold does and the standards' default, so an administrator changing one knows
 * what they change. The defaults are libs/scheduling/domain's DEFAULT_PRACTICE_THRESHOLDS.
 */
export const THRESHOLD_HINTS: Record<string, string> = {
  minBasicMediationHours:
    'The least hours of verified, unexpired basic mediation training, added up over courses. Standard: 30 (Nebraska).',
  minRestorativeJusticeHours:
    'The least hours of verified, unexpired restorative-justice training, added up over courses; at least one course is always needed. Standard: 1.',
  supervisionIntervalDays:
    'The longest time between case supervision sessions, counted from the last session or, before the first, from the first verified credential. Standard: 84, every 12 weeks (Restorative Justice Council).',
  supervisionGraceDays: 'How long after supervision falls due the mediator can still be proposed. Standard: 14.',
  caseloadCap: 'A mediator already carrying this many open cases is not proposed for another. Standard: 12.',
  coFacilitatedCasesBeforeLead:
    'Until a mediator has co-facilitated this many cases, they are proposed only beside an experienced mediator already on the case. Standard: 3.',
  timeZone:
    'Whose calendar day an expiry date runs through: a credential expiring on a day counts until midnight there. A time zone name such as Europe/Amsterdam or America/Chicago.',
};

type ThresholdsForm = Record<string, string | number | undefined>;

const codeOf = (value: unknown): string => {
  if (typeof value !== 'string' || !JURISDICTION.test(value)) throw new NotFoundException();
  return value;
};

/**
 * The practice thresholds a jurisdiction's new proposals apply (issue 22): the defaults from the
 * standards (30 hours of basic training, supervision every 12 weeks with 14 days' grace, three
 * co-facilitated cases) until an administrator sets its own.
 */
@ForRoles('admin')
@Controller('admin/practice-thresholds')
export class PracticeThresholdsController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async pick(@Query('jurisdiction') jurisdiction: string | undefined, @Res() res: Response): Promise<void> {
    if (typeof jurisdiction === 'string' && jurisdiction.trim() !== '')
      return res.redirect(303, `/admin/practice-thresholds/${encodeURIComponent(codeOf(jurisdiction.trim()))}`);
    res.render('pages/admin/practice/thresholds-pick.njk', { title: 'Practice thresholds' });
  }

  @Get(':jurisdiction')
  async edit(
    @CurrentUser() user: SessionUser,
    @Param('jurisdiction') jurisdiction: string,
    @Res() res: Response,
  ): Promise<void> {
    const code = codeOf(jurisdiction);
    const current = await this.api.get<ThresholdsForm & { version: number }>(
      user,
      'mediation-scheduling',
      `/api/practice-thresholds/${encodeURIComponent(code)}`,
    );
    this.form(res, code, current, current.version as number);
  }

  @Post(':jurisdiction')
  async save(
    @CurrentUser() user: SessionUser,
    @Param('jurisdiction') jurisdiction: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const code = codeOf(jurisdiction);
    const form: ThresholdsForm = Object.fromEntries(
      [...NUMBERS, 'timeZone'].map((name) => [
        name,
        typeof body[name] === 'string' ? (body[name] as string) : undefined,
      ]),
    );
    try {
      const saved = await this.api.put<{ version: number }>(
        user,
        'mediation-scheduling',
        `/api/practice-thresholds/${encodeURIComponent(code)}`,
        {
          body: {
            ...Object.fromEntries(NUMBERS.map((name) => [name, numberOrText(form[name]) ?? ''])),
            timeZone: text(form['timeZone']) ?? '',
          },
        },
      );
      flash(
        req,
        'Thresholds saved',
        `Version ${saved.version} applies to new proposals in ${code}; nobody is removed from a case they carry.`,
      );
      res.redirect(303, `/admin/practice-thresholds/${encodeURIComponent(code)}`);
    } catch (error) {
      const failure = explainFailure(error, THRESHOLD_LABELS, { fallbackId: 'minBasicMediationHours' });
      if (!failure) throw error;
      this.form(res.status(failure.status), code, form, undefined, failure.errors);
    }
  }

  private form(
    res: Response,
    jurisdiction: string,
    values: ThresholdsForm,
    version: number | undefined,
    errors?: FormErrors,
  ): void {
    const fields = [...NUMBERS, 'timeZone'].map((name) => ({
      name,
      label: THRESHOLD_LABELS[name],
      hint: THRESHOLD_HINTS[name],
      value: values[name],
    }));
    res.render('pages/admin/practice/thresholds.njk', {
      title: `Practice thresholds for ${jurisdiction}`,
      jurisdiction,
      fields,
      version,
      errors,
    });
  }
}
