import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ApiRefused, ServiceApi } from '../platform/api-client';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { Page, ProsecutorReport, ReferralDetail, ReferralSummary } from './api-shapes';
import { apiQuery, listUrl, readListFilters } from './list-filters';
import { isoDate } from './referral-form/form-to-body';

const PAGE_SIZE = 25;
const REPORTABLE = new Set(['completed', 'returned']);

/** Referrals: the filtered list, the case-number search and one referral's page. */
@Controller('referrals')
@ForRoles('prosecutor', 'admin')
export class ReferralsController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async list(
    @CurrentUser() user: SessionUser,
    @Query() query: Record<string, unknown>,
    @Res() res: Response,
  ): Promise<void> {
    const filters = readListFilters(query);
    const page = await this.api.get<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals', {
      query: apiQuery(filters, PAGE_SIZE),
    });
    res.render('pages/prosecutor/referrals.njk', {
      title: 'Referrals',
      filters,
      referrals: page.items,
      nextPageUrl: page.nextCursor ? listUrl(filters, page.nextCursor) : null,
      firstPageUrl: filters.cursor ? listUrl(filters) : null,
    });
  }

  @Get('search')
  searchForm(@Res() res: Response): void {
    res.render('pages/prosecutor/search.njk', { title: 'Find a referral by case number' });
  }

  /** The case number travels in the form body, never in a URL (it identifies a person). */
  @Post('search')
  async search(
    @CurrentUser() user: SessionUser,
    @Body('caseNumber') caseNumber: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const wanted = typeof caseNumber === 'string' ? caseNumber.trim() : '';
    if (!wanted) {
      return res.status(400).render('pages/prosecutor/search.njk', {
        title: 'Find a referral by case number',
        pageHasErrors: true,
        error: 'Enter a case number',
      });
    }
    try {
      const page = await this.api.post<Page<ReferralSummary>>(user, 'referral-intake', '/api/referrals/search', {
        body: { caseNumber: wanted },
      });
      res.render('pages/prosecutor/search.njk', {
        title: 'Find a referral by case number',
        caseNumber: wanted,
        results: page.items,
        searched: true,
      });
    } catch (error) {
      if (!(error instanceof ApiRefused) || error.problem.status !== 400) throw error;
      res.status(400).render('pages/prosecutor/search.njk', {
        title: 'Find a referral by case number',
        caseNumber: wanted,
        pageHasErrors: true,
        error: `Case number ${error.problem.errors?.[0]?.message ?? 'is not valid'}`,
      });
    }
  }

  @Get(':id')
  async show(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const referralId = pageId(id);
    const referral = await this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${referralId}`);
    const [match, report] = await Promise.all([
      this.api.getOptional<MatchView>(user, 'partner-matching', `/api/referrals/${referralId}/match`),
      REPORTABLE.has(referral.status) && user.role === 'prosecutor'
        ? this.api.getOptional<ProsecutorReport>(user, 'referral-intake', `/api/referrals/${referralId}/report`)
        : Promise.resolve(null),
    ]);
    res.render('pages/prosecutor/referral.njk', {
      title: `Referral: ${referral.offense.code}`,
      referral,
      match: matchInWords(match),
      report,
    });
  }

  @Get(':id/report')
  @ForRoles('prosecutor')
  async report(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const referralId = pageId(id);
    const [referral, report] = await Promise.all([
      this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${referralId}`),
      this.api.get<ProsecutorReport>(user, 'referral-intake', `/api/referrals/${referralId}/report`),
    ]);
    res.render('pages/prosecutor/report.njk', { title: 'Outcome report', referral, report });
  }

  @Get(':id/withdraw')
  @ForRoles('prosecutor')
  async withdrawForm(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const referral = await this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${pageId(id)}`);
    res.render('pages/prosecutor/withdraw.njk', { title: 'Withdraw the referral', referral });
  }

  @Post(':id/withdraw')
  @ForRoles('prosecutor')
  async withdraw(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body('reasonCode') reasonCode: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const referralId = pageId(id);
    if (typeof reasonCode !== 'string' || !reasonCode) {
      const referral = await this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${referralId}`);
      return res.status(400).render('pages/prosecutor/withdraw.njk', {
        title: 'Withdraw the referral',
        referral,
        pageHasErrors: true,
        error: 'Select why the referral is withdrawn',
      });
    }
    try {
      await this.api.post(user, 'referral-intake', `/api/referrals/${referralId}/withdraw`, { body: { reasonCode } });
    } catch (error) {
      if (!(error instanceof ApiRefused) || ![400, 409].includes(error.problem.status)) throw error;
      const referral = await this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${referralId}`);
      return res.status(error.problem.status).render('pages/prosecutor/withdraw.njk', {
        title: 'Withdraw the referral',
        referral,
        pageHasErrors: true,
        error: error.problem.detail ?? 'The referral could not be withdrawn',
      });
    }
    req.session.flash = {
      heading: 'Referral withdrawn',
      text: 'Every programme and mediator working on it has been told to stop.',
    };
    res.redirect(303, `/referrals/${referralId}`);
  }

  @Get(':id/extend')
  @ForRoles('prosecutor')
  async extendForm(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const referral = await this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${pageId(id)}`);
    res.render('pages/prosecutor/extend.njk', { title: 'Extend the report-back date', referral, values: {} });
  }

  @Post(':id/extend')
  @ForRoles('prosecutor')
  async extend(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() form: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const referralId = pageId(id);
    const values = {
      day: form['reportBackBy-day'],
      month: form['reportBackBy-month'],
      year: form['reportBackBy-year'],
    };
    const date = isoDate(values);
    const iso = date && date !== 'invalid' ? date : undefined;
    let problem: string | undefined = iso ? undefined : 'Enter a real date, for example 27 3 2027';
    if (iso) {
      try {
        await this.api.patch(user, 'referral-intake', `/api/referrals/${referralId}`, { body: { reportBackBy: iso } });
      } catch (error) {
        if (!(error instanceof ApiRefused) || ![400, 409].includes(error.problem.status)) throw error;
        problem = `The new date ${error.problem.errors?.[0]?.message ?? error.problem.detail ?? 'was refused'}`;
      }
    }
    if (problem) {
      const referral = await this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${referralId}`);
      return res.status(400).render('pages/prosecutor/extend.njk', {
        title: 'Extend the report-back date',
        referral,
        values,
        pageHasErrors: true,
        error: problem,
      });
    }
    req.session.flash = { heading: 'Report-back date extended' };
    res.redirect(303, `/referrals/${referralId}`);
  }

  @Post(':id/review')
  async review(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() form: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const referralId = pageId(id);
    try {
      await this.api.post(user, 'referral-intake', `/api/referrals/${referralId}/review`, {
        body: { decision: form['decision'], reason: form['reason'] },
      });
    } catch (error) {
      if (!(error instanceof ApiRefused) || ![400, 409].includes(error.problem.status)) throw error;
      const referral = await this.api.get<ReferralDetail>(user, 'referral-intake', `/api/referrals/${referralId}`);
      const reviewErrors = (error.problem.errors ?? []).map((e) => ({
        href: `#review-${e.field}`,
        text: `${e.field === 'reason' ? 'Reason' : 'Decision'} ${e.message}`,
      }));
      return res.status(error.problem.status).render('pages/prosecutor/referral.njk', {
        title: `Referral: ${referral.offense.code}`,
        referral,
        match: null,
        report: null,
        pageHasErrors: true,
        reviewErrors: reviewErrors.length
          ? reviewErrors
          : [{ href: '#review-decision', text: error.problem.detail ?? 'The review was refused' }],
        reviewValues: form,
      });
    }
    req.session.flash = { heading: 'Review recorded' };
    res.redirect(303, `/referrals/${referralId}`);
  }
}

interface MatchView {
  offers?: { status: string; expiresAt?: string; partnerId?: string; reasonCode?: string | null }[];
  candidates?: unknown[];
}

/** The match and offer state in words for the prosecutor, without naming anyone. */
function matchInWords(
  match: MatchView | null,
): { summary: string; offers: { status: string; expiresAt?: string }[] } | null {
  if (!match) return null;
  const offers = (match.offers ?? []).map((offer) => ({ status: offer.status, expiresAt: offer.expiresAt }));
  const pending = offers.find((offer) => offer.status === 'pending');
  const accepted = offers.find((offer) => offer.status === 'accepted');
  const summary = accepted
    ? 'A programme accepted the case.'
    : pending
      ? 'A programme has been asked and has until the date below to answer.'
      : offers.length
        ? `${offers.length} programme${offers.length === 1 ? ' was' : 's were'} asked; none has taken the case yet.`
        : 'No programme has been asked yet.';
  return { summary, offers };
}
