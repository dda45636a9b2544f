import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FormErrors } from '../../admin/forms/form-errors';
import { explainFailure } from '../../admin/forms/refusal';
import { categoryItems } from '../../admin/forms/category-choices';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import type { SessionUser } from '../../platform/session-user';
import { mediatorPathId } from '../partner-api';
import {
  askForEveryMissing,
  CHECK_KINDS,
  chosenCategories,
  CREDENTIAL_KINDS,
  PRACTICE_KINDS,
  RECORD_LABELS,
  RECORD_PATHS,
  RECORD_TITLES,
  recordBody,
  recordFormFrom,
  recordTypeOf,
  type RecordForm,
  type RecordType,
} from './practice-form';
import type { PracticeRecordPage } from './practice-shapes';
import { practicePageModel } from './practice-view';

/**
 * A mediator's practice (issue 22): what the partner's admin recorded, what an administrator
 * verified, and whether the mediator can be proposed — every unmet rule in the service's
 * words. Seen by the partner's admin only (and platform admins, on their own pages).
 */
@ForRoles('partner_admin')
@Controller('partner/mediators/:sub/practice')
export class PartnerPracticeController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async show(@CurrentUser() user: SessionUser, @Param('sub') sub: string, @Res() res: Response): Promise<void> {
    const page = await this.read(user, sub);
    res.render('pages/partner/practice/record.njk', {
      title: `Credentials and practice of ${page.mediator.fullName}`,
      ...practicePageModel(page),
    });
  }

  @Get('new')
  newRecord(
    @CurrentUser() user: SessionUser,
    @Param('sub') sub: string,
    @Query('type') type: string,
    @Res() res: Response,
  ): Promise<void> {
    return this.form(user, res, sub, this.typeOf(type), {});
  }

  @Post()
  async record(
    @CurrentUser() user: SessionUser,
    @Param('sub') sub: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const id = mediatorPathId(sub);
    const type = this.typeOf(body['type']);
    const form = recordFormFrom(body);
    try {
      await this.api.post(
        user,
        'mediation-scheduling',
        `/api/mediators/${encodeURIComponent(id)}/${RECORD_PATHS[type]}`,
        { body: recordBody(type, form) },
      );
      const verified =
        type === 'practice' ? 'It counts as recorded.' : 'It counts once an administrator has verified it.';
      flash(req, 'Recorded', verified);
      res.redirect(303, `/partner/mediators/${encodeURIComponent(id)}/practice`);
    } catch (error) {
      const failure = explainFailure(error, RECORD_LABELS, { fallbackId: type === 'language' ? 'language' : 'kind' });
      if (!failure) throw error;
      await this.form(user, res.status(failure.status), id, type, form, askForEveryMissing(failure.errors, type, form));
    }
  }

  private typeOf(value: unknown): RecordType {
    return recordTypeOf(value) ?? 'credential';
  }

  private async form(
    user: SessionUser,
    res: Response,
    sub: string,
    type: RecordType,
    form: RecordForm,
    errors?: FormErrors,
  ): Promise<void> {
    const page = await this.read(user, sub);
    const kinds =
      type === 'credential'
        ? CREDENTIAL_KINDS
        : type === 'background-check'
          ? CHECK_KINDS
          : type === 'practice'
            ? PRACTICE_KINDS
            : {};
    res.render('pages/partner/practice/record-form.njk', {
      title: RECORD_TITLES[type],
      mediator: page.mediator,
      type,
      kinds: Object.entries(kinds).map(([value, text]) => ({ value, text, checked: form['kind'] === value })),
      form,
      categoryItems: categoryItems(chosenCategories(form)),
      errors,
    });
  }

  private read(user: SessionUser, sub: string): Promise<PracticeRecordPage> {
    return this.api.get<PracticeRecordPage>(
      user,
      'mediation-scheduling',
      `/api/mediators/${encodeURIComponent(mediatorPathId(sub))}/practice-record`,
    );
  }
}
