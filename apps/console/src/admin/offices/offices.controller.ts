import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import type { OfficeView, Paged } from '../api-shapes';
import type { FormErrors } from '../forms/form-errors';
import type { PostedForm } from '../forms/form-fields';
import { blankCreateForm, idempotencyKeyFrom } from '../forms/idempotency';
import { saveForm, type FormRefusals } from '../forms/save-form';
import { cursorFrom } from '../forms/paging';
import {
  OFFICE_CONTROLS,
  OFFICE_LABELS,
  officeBody,
  officeFormFrom,
  officeFormOf,
  type OfficeForm,
} from './office-form';

const PAGE_SIZE = 50;

const OFFICE_REFUSALS: FormRefusals = { labels: OFFICE_LABELS, fallbackId: 'name', controls: OFFICE_CONTROLS };

/** Prosecutors' offices: the list, registering one, and changing its name, jurisdictions or address. */
@ForRoles('admin')
@Controller('admin/offices')
export class OfficesController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async list(
    @CurrentUser() user: SessionUser,
    @Query('after') after: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const page = await this.api.get<Paged<OfficeView>>(user, 'referral-intake', '/api/offices', {
      query: { limit: PAGE_SIZE, cursor: cursorFrom(after) },
    });
    res.render('pages/admin/offices/list.njk', {
      title: 'Offices',
      offices: page.items,
      nextCursor: page.nextCursor,
      firstPage: !after,
    });
  }

  @Get('new')
  newOffice(@Res() res: Response): void {
    this.form(res, blankCreateForm());
  }

  @Post()
  async register(@CurrentUser() user: SessionUser, @Body() body: PostedForm, @Res() res: Response): Promise<void> {
    const form = officeFormFrom(body);
    const idempotencyKey = idempotencyKeyFrom(body['idempotencyKey']);
    await saveForm(res, {
      save: () =>
        this.api.post<OfficeView>(user, 'referral-intake', '/api/offices', { body: officeBody(form), idempotencyKey }),
      saved: (office) => ({
        heading: 'Office registered',
        text: `${office.name} can now be chosen by its prosecutors.`,
        redirect: '/admin/offices',
      }),
      refusals: OFFICE_REFUSALS,
      refused: ({ status, errors }) => this.form(res.status(status), { form, idempotencyKey, errors }),
    });
  }

  @Get(':id/edit')
  async edit(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const office = await this.api.get<OfficeView>(user, 'referral-intake', `/api/offices/${pageId(id)}`);
    this.form(res, { form: officeFormOf(office), office });
  }

  @Post(':id')
  async update(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: PostedForm,
    @Res() res: Response,
  ): Promise<void> {
    const officeId = pageId(id);
    const form = officeFormFrom(body);
    await saveForm(res, {
      save: () =>
        this.api.patch<OfficeView>(user, 'referral-intake', `/api/offices/${officeId}`, { body: officeBody(form) }),
      saved: (office) => ({ heading: 'Office changed', text: `${office.name} is saved.`, redirect: '/admin/offices' }),
      refusals: OFFICE_REFUSALS,
      refused: ({ status, errors }) => this.form(res.status(status), { form, office: { id: officeId }, errors }),
    });
  }

  private form(
    res: Response,
    context: { form: OfficeForm; office?: Pick<OfficeView, 'id'>; idempotencyKey?: string; errors?: FormErrors },
  ): void {
    res.render('pages/admin/offices/form.njk', {
      title: context.office ? 'Change an office' : 'Register an office',
      ...context,
    });
  }
}
