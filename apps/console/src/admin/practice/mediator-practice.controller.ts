import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import type { SessionUser } from '../../platform/session-user';
import { mediatorPathId } from '../../partner/partner-api';
import type { PracticeRecordPage } from '../../partner/practice/practice-shapes';
import { practicePageModel } from '../../partner/practice/practice-view';

/**
 * A mediator's whole practice record for a platform admin (issue 22), read-only: before
 * verifying one record an admin can see the rest, and why the mediator cannot be proposed.
 * Recording stays with the partner's admin.
 */
@ForRoles('admin')
@Controller('admin/mediators/:sub/practice')
export class MediatorPracticeController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async show(@CurrentUser() user: SessionUser, @Param('sub') sub: string, @Res() res: Response): Promise<void> {
    const page = await this.api.get<PracticeRecordPage>(
      user,
      'mediation-scheduling',
      `/api/mediators/${encodeURIComponent(mediatorPathId(sub))}/practice-record`,
    );
    res.render('pages/partner/practice/record.njk', {
      title: `Credentials and practice of ${page.mediator.fullName}`,
      ...practicePageModel(page),
      readOnly: true,
    });
  }
}
