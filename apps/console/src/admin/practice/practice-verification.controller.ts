import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ApiRefused, ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import type { Page } from '../../prosecutor/api-shapes';
import { KIND_WORDS } from '../../partner/practice/practice-form';
import type { PracticeRecordView } from '../../partner/practice/practice-shapes';
import { verifiedMessage } from './verified-message';

const QUEUE_SIZE = 50;

/**
 * Mediators' credentials, background checks and languages that a partner recorded and that
 * count only once an administrator has verified them (issue 22), oldest first. Verifying is
 * one button per record; the service ignores a second press.
 */
@ForRoles('admin')
@Controller('admin/practice-records')
export class PracticeVerificationController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async queue(
    @CurrentUser() user: SessionUser,
    @Query('after') after: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const cursor = typeof after === 'string' ? pageId(after) : undefined;
    const page = await this.api.get<Page<PracticeRecordView>>(
      user,
      'mediation-scheduling',
      '/api/practice-records/unverified',
      { query: { limit: QUEUE_SIZE, cursor } },
    );
    res.render('pages/admin/practice/queue.njk', {
      title: 'Credentials to verify',
      records: page.items,
      nextCursor: page.nextCursor,
      kindWords: KIND_WORDS,
    });
  }

  @Post(':id/verify')
  async verify(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    try {
      const record = await this.api.post<PracticeRecordView>(
        user,
        'mediation-scheduling',
        `/api/practice-records/${pageId(id)}/verification`,
      );
      flash(req, 'Verified', verifiedMessage(record));
    } catch (error) {
      if (!(error instanceof ApiRefused) || error.problem.status !== 409) throw error;
      flash(req, 'Not verified', error.problem.detail ?? 'The service refused to verify this record.');
    }
    res.redirect(303, '/admin/practice-records');
  }
}
