import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import {
  amendmentBody,
  readAmendment,
  readTermRows,
  termsOf,
  TERM_ROWS,
  type AmendmentValues,
  type TermRow,
} from './agreement-form';
import type { CaseDetail } from './api-shapes';
import { loadCase } from './mediator-cases';
import { refusalText } from './refusal';

export interface CaseOutcomeTerm {
  id: string;
  kind: string;
  dueBy: string;
  status: string;
  amount?: { amount: string; currency: string };
  paid?: { amount: string; currency: string };
  hours?: number;
  hoursDone?: number;
}

export interface CaseOutcome {
  caseId: string;
  status: string;
  result: string | null;
  agreement: { id: string; recordedAt: string; consentedBy: string[]; terms: CaseOutcomeTerm[] } | null;
  /** People harmed still owed the outcome, for want of a recently confirmed safe channel. */
  harmedPartyNoticesOwed: number;
}

const EMPTY_ROW: TermRow = {
  kind: '',
  day: '',
  month: '',
  year: '',
  amount: '',
  currency: 'EUR',
  instalments: '',
  recipient: '',
  hours: '',
  description: '',
};

/**
 * The agreement of a case concluded with one: typed terms with everyone's consent, then the
 * progress of each term. outcome-tracking holds it and checks every rule.
 */
@Controller('mediator/cases/:id/agreement')
@ForRoles('mediator')
export class AgreementPagesController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async show(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    res.render('pages/mediator/agreement.njk', await this.page(user, pageId(id)));
  }

  @Post()
  async record(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const rows = readTermRows(body);
    const consentedBy = Array.isArray(body['consentedBy'])
      ? body['consentedBy'].map(String)
      : typeof body['consentedBy'] === 'string'
        ? [body['consentedBy']]
        : [];
    const terms = termsOf(rows);
    let error = terms.length ? undefined : 'Add at least one term: choose its kind';
    if (!error) {
      try {
        await this.api.post(user, 'outcome-tracking', `/api/cases/${caseId}/agreement`, {
          body: { terms, consentedBy },
        });
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error)
      return res.status(400).render('pages/mediator/agreement.njk', {
        ...(await this.page(user, caseId)),
        rows,
        consentedBy,
        pageHasErrors: true,
        error,
      });
    flash(req, 'Agreement recorded', 'Record progress against each term as it happens.');
    res.redirect(303, `/mediator/cases/${caseId}/agreement`);
  }

  @Post('terms/:termId/progress')
  async progress(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('termId') tid: string,
    @Body() body: Record<string, string>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const termId = pageId(tid);
    const context = await this.page(user, caseId);
    const term = context.outcome?.agreement?.terms.find((t) => t.id === termId);
    if (!context.outcome?.agreement || !term) throw new NotFoundException();
    const amount = (body['amount'] ?? '').trim();
    const hours = (body['hours'] ?? '').trim();
    const progress =
      term.kind === 'restitution'
        ? { amount: { amount, currency: term.amount?.currency ?? 'EUR' } }
        : term.kind === 'community_service'
          ? { hours: Number(hours) }
          : { done: body['done'] === 'yes' };
    let error: string | undefined;
    if (
      (term.kind === 'restitution' && !amount) ||
      (term.kind === 'community_service' && !hours) ||
      (!['restitution', 'community_service'].includes(term.kind) && body['done'] !== 'yes')
    ) {
      error = 'Enter the progress to record';
    } else {
      try {
        await this.api.post(
          user,
          'outcome-tracking',
          `/api/agreements/${context.outcome.agreement.id}/terms/${termId}/progress`,
          { body: progress },
        );
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error)
      return res.status(400).render('pages/mediator/agreement.njk', {
        ...context,
        pageHasErrors: true,
        error,
        errorHref: `#progress-${termId}`,
      });
    flash(req, 'Progress recorded');
    res.redirect(303, `/mediator/cases/${caseId}/agreement`);
  }

  /** A term changed with everyone's consent: a new due date, or a new amount or number of hours. */
  @Get('terms/:termId/amend')
  async amendForm(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('termId') tid: string,
    @Res() res: Response,
  ): Promise<void> {
    const context = await this.openTerm(user, pageId(id), pageId(tid));
    res.render('pages/mediator/amend-term.njk', {
      ...context,
      title: 'Change a term',
      values: this.valuesOf(context.term),
    });
  }

  @Post('terms/:termId/amend')
  async amend(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Param('termId') tid: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const context = await this.openTerm(user, caseId, pageId(tid));
    const values = readAmendment(body);
    const read = amendmentBody(values, context.term);
    let error = read.error;
    if (read.body) {
      try {
        await this.api.patch(
          user,
          'outcome-tracking',
          `/api/agreements/${context.agreementId}/terms/${context.term.id}`,
          { body: read.body },
        );
      } catch (refused) {
        error = refusalText(refused);
        if (!error) throw refused;
      }
    }
    if (error)
      return res.status(400).render('pages/mediator/amend-term.njk', {
        ...context,
        title: 'Change a term',
        values,
        pageHasErrors: true,
        error,
        errorHref: read.errorHref,
      });
    flash(req, 'Term changed', 'Everyone consented to the change; the new figures apply from now.');
    res.redirect(303, `/mediator/cases/${caseId}/agreement`);
  }

  /** Closing a case whose terms were not kept: it goes back to the prosecutor as not completed. */
  @Get('close')
  async closeForm(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    res.render('pages/mediator/close-agreement.njk', {
      ...(await this.running(user, pageId(id))),
      title: 'Close the case',
    });
  }

  @Post('close')
  async close(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const context = await this.running(user, caseId);
    try {
      await this.api.post(user, 'outcome-tracking', `/api/cases/${caseId}/close`, {
        body: { reasonCode: 'agreement_not_completed' },
      });
    } catch (refused) {
      const error = refusalText(refused);
      if (!error) throw refused;
      return res.status(400).render('pages/mediator/close-agreement.njk', {
        ...context,
        title: 'Close the case',
        pageHasErrors: true,
        error,
      });
    }
    flash(req, 'Case closed', 'The prosecutor is told the agreement was not completed.');
    res.redirect(303, `/mediator/cases/${caseId}/agreement`);
  }

  /** The case's running agreement, or the not-found page when there is none to change. */
  private async running(user: SessionUser, caseId: string) {
    const context = await this.page(user, caseId);
    if (!context.outcome?.agreement || context.outcome.status !== 'agreement') throw new NotFoundException();
    return { ...context, agreement: context.outcome.agreement };
  }

  private async openTerm(user: SessionUser, caseId: string, termId: string) {
    const context = await this.running(user, caseId);
    const term = context.agreement.terms.find((t) => t.id === termId);
    if (!term || term.status === 'fulfilled') throw new NotFoundException();
    return { ...context, agreementId: context.agreement.id, term };
  }

  private valuesOf(term: CaseOutcomeTerm): AmendmentValues {
    const [year, month, day] = term.dueBy.split('-');
    return {
      day: String(Number(day)),
      month: String(Number(month)),
      year,
      amount: term.amount?.amount ?? '',
      hours: term.hours === undefined ? '' : String(term.hours),
      consentedBy: [],
    };
  }

  private async page(
    user: SessionUser,
    caseId: string,
  ): Promise<{
    title: string;
    detail: CaseDetail;
    outcome: CaseOutcome | null;
    rows: TermRow[];
    consentedBy: string[];
  }> {
    const found = await loadCase(this.api, user, caseId);
    if (!found.declared) throw new NotFoundException();
    const outcome = await this.api.getOptional<CaseOutcome>(user, 'outcome-tracking', `/api/cases/${caseId}/outcome`);
    return {
      title: 'Agreement',
      detail: found.detail,
      outcome,
      rows: Array.from({ length: TERM_ROWS }, () => ({ ...EMPTY_ROW })),
      consentedBy: [],
    };
  }
}
