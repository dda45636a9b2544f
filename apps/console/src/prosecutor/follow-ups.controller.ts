import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ApiRefused, ServiceApi } from '../platform/api-client';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { FollowUp, Page } from './api-shapes';

/** Follow-ups due: whether the person responsible re-offended 6, 12 or 24 months after. */
@Controller('follow-ups')
@ForRoles('prosecutor')
export class FollowUpsController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async list(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const page = await this.api.get<Page<FollowUp>>(user, 'outcome-tracking', '/api/follow-ups', {
      query: { limit: 100 },
    });
    res.render('pages/prosecutor/follow-ups.njk', { title: 'Follow-ups', followUps: page.items });
  }

  @Post(':id')
  async record(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body('reoffended') answer: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const followUpId = pageId(id);
    if (answer !== 'yes' && answer !== 'no') {
      const page = await this.api.get<Page<FollowUp>>(user, 'outcome-tracking', '/api/follow-ups', {
        query: { limit: 100 },
      });
      return res.status(400).render('pages/prosecutor/follow-ups.njk', {
        title: 'Follow-ups',
        followUps: page.items,
        pageHasErrors: true,
        errorFor: followUpId,
        error: 'Select whether the person re-offended',
      });
    }
    try {
      await this.api.post(user, 'outcome-tracking', `/api/follow-ups/${followUpId}`, {
        body: { reoffended: answer === 'yes' },
      });
    } catch (error) {
      if (!(error instanceof ApiRefused) || error.problem.status !== 409) throw error;
    }
    req.session.flash = { heading: 'Follow-up recorded' };
    res.redirect(303, '/follow-ups');
  }
}
