import { Body, Controller, Get, NotFoundException, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { describeCode } from '../messages/describe';
import { ApiRefused, ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import { feedbackRows, type FeedbackInvitations } from './feedback-rows';
import { loadCase } from './mediator-cases';

/**
 * The case's feedback surveys (issue 20): the mediator sends each participant's survey when
 * nothing blocks it; outcome-tracking holds the rules and says what blocks (the same rules
 * refuse the release), and sends the mail. Nothing here says whether anyone answered.
 */
@Controller('mediator/cases/:id/feedback')
@ForRoles('mediator')
export class FeedbackPagesController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async show(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    res.render('pages/mediator/feedback.njk', await this.page(user, pageId(id)));
  }

  @Post()
  async release(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const caseId = pageId(id);
    const participantId = typeof body['participantId'] === 'string' ? pageId(body['participantId']) : '';
    const survey = body['survey'] === 'second' ? 'second' : 'first';
    try {
      await this.api.post(user, 'outcome-tracking', `/api/cases/${caseId}/feedback-invitations`, {
        body: { participantId, survey },
      });
    } catch (error) {
      if (!(error instanceof ApiRefused) || ![400, 409].includes(error.problem.status)) throw error;
      const unmet = ((error.problem as { unmet?: string[] }).unmet ?? []).map((code) =>
        describeCode('feedbackBlock', code),
      );
      return res.status(409).render('pages/mediator/feedback.njk', {
        ...(await this.page(user, caseId)),
        pageHasErrors: true,
        error: unmet.length
          ? `The survey was not sent: ${unmet.join('; ').toLowerCase()}.`
          : 'The survey was not sent.',
      });
    }
    flash(
      req,
      'Survey sent',
      'The participant gets an e-mail with a link that works once, for 30 days, and at most one reminder a week later.',
    );
    res.redirect(303, `/mediator/cases/${caseId}/feedback`);
  }

  private async page(user: SessionUser, caseId: string) {
    const found = await loadCase(this.api, user, caseId);
    // Before declaring, the mediator sees the declaration and nothing else of the case.
    if (!found.declared) throw new NotFoundException();
    const invitations = await this.api.get<FeedbackInvitations>(
      user,
      'outcome-tracking',
      `/api/cases/${caseId}/feedback-invitations`,
    );
    return { title: 'Feedback surveys', caseId, rows: feedbackRows(found.detail.participants, invitations) };
  }
}
