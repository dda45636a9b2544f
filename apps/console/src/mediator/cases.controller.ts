import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { CaseSummary, Page } from './api-shapes';
import { checklistOf, loadCase, loadGate } from './mediator-cases';
import { dialogueKindsOffered, itemLink, nextStepOf } from './next-step';
import { refusalText } from './refusal';

/** A mediator's cases: the list, the declaration a proposed mediator makes first, the case page. */
@Controller('mediator/cases')
@ForRoles('mediator')
export class MediatorCasesController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async list(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const cases = await this.api.get<Page<CaseSummary>>(user, 'mediation-scheduling', '/api/cases', {
      query: { limit: 100 },
    });
    const rows = await Promise.all(
      cases.items.map(async (summary) => {
        const declared = summary.mediators.some((m) => m.mediatorId === user.sub && m.declared);
        const gate = declared ? await loadGate(this.api, user, summary.id) : null;
        return {
          summary,
          declared,
          gate,
          nextSteps: gate ? gate.participants.map((p) => ({ role: p.role, step: nextStepOf(p) })) : [],
        };
      }),
    );
    res.render('pages/mediator/cases.njk', { title: 'My cases', rows });
  }

  @Get(':id')
  async show(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const caseId = pageId(id);
    const found = await loadCase(this.api, user, caseId);
    if (!found.declared)
      return res.render('pages/mediator/declaration.njk', {
        title: 'Declare any conflict of interest',
        proposal: found.proposal,
      });
    const gate = await loadGate(this.api, user, caseId);
    const participants = found.detail.participants.map((participant) => {
      const checklist = checklistOf(gate.participants, participant.id);
      return {
        ...participant,
        checklist,
        nextStep: nextStepOf(checklist),
        items: checklist.items.map((entry) => ({ ...entry, href: itemLink(caseId, participant.id, entry.item) })),
      };
    });
    res.render('pages/mediator/case.njk', {
      title: 'Case',
      detail: found.detail,
      gate,
      participants,
      offered: dialogueKindsOffered(gate),
    });
  }

  /** The declaration: no conflict assigns the mediator; a conflict ends their part at once. */
  @Post(':id/declaration')
  async declare(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body('conflict') conflict: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    if (conflict !== 'no' && conflict !== 'yes') {
      const found = await loadCase(this.api, user, caseId);
      if (found.declared) return res.redirect(303, `/mediator/cases/${caseId}`);
      return res.status(400).render('pages/mediator/declaration.njk', {
        title: 'Declare any conflict of interest',
        proposal: found.proposal,
        pageHasErrors: true,
        error: 'Select whether you have a conflict of interest',
      });
    }
    try {
      await this.api.post(user, 'mediation-scheduling', `/api/cases/${caseId}/declarations`, {
        body: { conflictOfInterest: conflict === 'yes' },
      });
    } catch (error) {
      const text = refusalText(error);
      if (!text) throw error;
      const found = await loadCase(this.api, user, caseId);
      if (found.declared) return res.redirect(303, `/mediator/cases/${caseId}`);
      return res.status(409).render('pages/mediator/declaration.njk', {
        title: 'Declare any conflict of interest',
        proposal: found.proposal,
        pageHasErrors: true,
        error: text,
      });
    }
    if (conflict === 'yes') {
      flash(
        req,
        'Conflict of interest recorded',
        'You are no longer on this case. Your organisation will propose another mediator.',
      );
      return res.redirect(303, '/mediator/cases');
    }
    flash(req, 'No conflict of interest declared', 'You can now contact the participants and prepare the case.');
    res.redirect(303, `/mediator/cases/${caseId}`);
  }
}
