import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { languageName } from '../../admin/forms/category-choices';
import type { FormErrors } from '../../admin/forms/form-errors';
import { explainFailure } from '../../admin/forms/refusal';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import type { CaseDetail, CaseSummary, MediatorView, Paged } from '../api-shapes';
import { caseReference, nextStepOf } from './case-steps';
import { askForMissing } from '../missing-answer';
import { refusedForPractice } from '../practice/practice-refusal';
import { proposableMediators } from './proposal';

/**
 * The organisation's cases: the list with each one's status and next step, and a case's page,
 * where the administrator proposes a mediator. The case page reads the participants' names
 * (the service logs that read); the list reads none.
 */
@ForRoles('partner_admin')
@Controller('partner/cases')
export class PartnerCasesController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async list(
    @CurrentUser() user: SessionUser,
    @Query('after') after: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const cursor = typeof after === 'string' && /^[0-9a-f-]{36}$/i.test(after) ? after : undefined;
    const page = await this.api.get<Paged<CaseSummary>>(user, 'mediation-scheduling', '/api/cases', {
      query: { limit: 50, cursor },
    });
    const cases = page.items.map((kase) => ({ ...kase, ref: caseReference(kase.id), step: nextStepOf(kase) }));
    res.render('pages/partner/cases.njk', { title: 'Cases', cases, nextCursor: page.nextCursor, firstPage: !cursor });
  }

  @Get(':id')
  async show(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    await this.render(res, user, pageId(id));
  }

  @Post(':id/mediators')
  async propose(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const mediatorId = typeof body['mediatorId'] === 'string' ? body['mediatorId'] : '';
    try {
      await this.api.post(user, 'mediation-scheduling', `/api/cases/${caseId}/mediators`, { body: { mediatorId } });
      flash(
        req,
        'Mediator proposed',
        'They see the names of the people involved and declare any conflict of interest before anything else.',
      );
      res.redirect(303, `/partner/cases/${caseId}`);
    } catch (error) {
      const failure = explainFailure(error, { mediatorId: 'Mediator' }, { fallbackId: 'mediatorId' });
      if (!failure) throw error;
      res.status(failure.status);
      await this.render(
        res,
        user,
        caseId,
        askForMissing(failure.errors, 'mediatorId', mediatorId, 'Select a mediator to propose'),
        mediatorId,
        refusedForPractice(error),
      );
    }
  }

  private async render(
    res: Response,
    user: SessionUser,
    caseId: string,
    errors?: FormErrors,
    chosen?: string,
    practiceUnmet = false,
  ): Promise<void> {
    const [kase, mediators] = await Promise.all([
      this.api.get<CaseDetail>(user, 'mediation-scheduling', `/api/cases/${caseId}`),
      this.api.get<Paged<MediatorView>>(user, 'mediation-scheduling', '/api/mediators', { query: { limit: 100 } }),
    ]);
    const names = new Map(mediators.items.map((mediator) => [mediator.sub, mediator.fullName]));
    res.render('pages/partner/case.njk', {
      title: 'A case',
      kase: {
        ...kase,
        participants: kase.participants.map((person) => ({
          ...person,
          languageName: person.preferredLanguage ? languageName(person.preferredLanguage) : null,
        })),
      },
      ref: caseReference(kase.id),
      step: nextStepOf(kase),
      caseMediators: kase.mediators.map((mediator) => ({
        ...mediator,
        fullName: names.get(mediator.mediatorId) ?? mediator.mediatorId,
      })),
      proposable: proposableMediators(kase, mediators.items).map((mediator) => ({
        ...mediator,
        checked: mediator.sub === chosen,
      })),
      anyActive: mediators.items.some((mediator) => mediator.active),
      // Refused for their credentials or practice (issue 22): where the administrator puts it right.
      refusedMediator: practiceUnmet ? mediators.items.find((mediator) => mediator.sub === chosen) : undefined,
      errors,
    });
  }
}
