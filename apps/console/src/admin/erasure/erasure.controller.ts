import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import { explainFailure } from '../forms/refusal';

interface ErasureView {
  referralId: string;
  personalDataErasedAt: string;
}

/**
 * Erasing a referral's personal data: a page that says what it does and that it cannot be
 * undone, then `DELETE /api/referrals/{id}/personal-data`. The page reads nothing about the
 * referral: it needs no personal data, and reading the referral would decrypt it.
 */
@ForRoles('admin')
@Controller('admin/referrals/:id/erase')
export class ErasureController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  confirm(@Param('id') id: string, @Res() res: Response): void {
    res.render('pages/admin/referrals/erase.njk', { title: 'Erase personal data', referralId: pageId(id) });
  }

  @Post()
  async erase(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const referralId = pageId(id);
    try {
      await this.api.delete<ErasureView>(user, 'referral-intake', `/api/referrals/${referralId}/personal-data`);
      flash(
        req,
        'Personal data erased',
        'Every copy of this referral’s personal data is now unreadable. Its history and the audit log stay.',
      );
      res.redirect(303, `/referrals/${referralId}`);
    } catch (error) {
      const failure = explainFailure(error, {}, { fallbackId: 'erase' });
      if (!failure) throw error;
      res.status(failure.status).render('pages/admin/referrals/erase.njk', {
        title: 'Erase personal data',
        referralId,
        errors: failure.errors,
      });
    }
  }
}
