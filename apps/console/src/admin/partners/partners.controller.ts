import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ApiRefused, ApiUnavailable, ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import { pageId } from '../../platform/ids';
import type { SessionUser } from '../../platform/session-user';
import type { Paged, PartnerView } from '../api-shapes';
import { categoryItems, languageName } from '../forms/category-choices';
import { formErrors, unavailableErrors, type FormErrors } from '../forms/form-errors';
import type { PostedForm } from '../forms/form-fields';
import { blankCreateForm, idempotencyKeyFrom } from '../forms/idempotency';
import { cursorFrom } from '../forms/paging';
import { saveForm, type FormRefusals } from '../forms/save-form';
import { partnerState } from './partner-state';
import {
  newPartnerBody,
  PARTNER_CONTROLS,
  PARTNER_LABELS,
  partnerChangesBody,
  partnerFormFrom,
  partnerFormOf,
  type PartnerForm,
} from './partner-form';

const PAGE_SIZE = 50;

const PARTNER_REFUSALS: FormRefusals = { labels: PARTNER_LABELS, fallbackId: 'name', controls: PARTNER_CONTROLS };

/**
 * Community programmes: the list, registering one, changing its profile and specialist status
 * (the administrator's decision), and deactivating it behind a confirmation page.
 */
@ForRoles('admin')
@Controller('admin/partners')
export class PartnersController {
  constructor(private readonly api: ServiceApi) {}

  /** Every partner, or (`?show=active|inactive`) only those receiving offers or only those not. */
  @Get()
  async list(
    @CurrentUser() user: SessionUser,
    @Query('after') after: string | undefined,
    @Query('show') show: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const only = show === 'active' || show === 'inactive' ? show : undefined;
    const page = await this.api.get<Paged<PartnerView>>(user, 'partner-matching', '/api/partners', {
      query: {
        limit: PAGE_SIZE,
        cursor: cursorFrom(after),
        active: only === undefined ? undefined : String(only === 'active'),
      },
    });
    const partners = page.items.map((partner) => ({
      ...partner,
      languageNames: partner.languages.map(languageName),
      state: partnerState(partner),
    }));
    res.render('pages/admin/partners/list.njk', {
      title: 'Partners',
      partners,
      nextCursor: page.nextCursor,
      firstPage: !after,
      show: only,
    });
  }

  @Get('new')
  newPartner(@Res() res: Response): void {
    this.form(res, blankCreateForm());
  }

  @Post()
  async register(@CurrentUser() user: SessionUser, @Body() body: PostedForm, @Res() res: Response): Promise<void> {
    const form = partnerFormFrom(body);
    const idempotencyKey = idempotencyKeyFrom(body['idempotencyKey']);
    await saveForm(res, {
      save: () =>
        this.api.post<PartnerView>(user, 'partner-matching', '/api/partners', {
          body: newPartnerBody(form),
          idempotencyKey,
        }),
      saved: (partner) => ({
        heading: 'Partner registered',
        text: `${partner.name} can now receive offers.`,
        redirect: '/admin/partners',
      }),
      refusals: PARTNER_REFUSALS,
      refused: ({ status, errors }) => this.form(res.status(status), { form, idempotencyKey, errors }),
    });
  }

  @Get(':id/edit')
  async edit(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
    const partner = await this.api.get<PartnerView>(user, 'partner-matching', `/api/partners/${pageId(id)}`);
    this.form(res, { form: partnerFormOf(partner), partner });
  }

  @Post(':id')
  async update(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Body() body: PostedForm,
    @Res() res: Response,
  ): Promise<void> {
    const partnerId = pageId(id);
    const form = partnerFormFrom(body);
    await saveForm(res, {
      save: () =>
        this.api.patch<PartnerView>(user, 'partner-matching', `/api/partners/${partnerId}`, {
          body: partnerChangesBody(form),
        }),
      saved: (partner) => ({
        heading: 'Partner changed',
        text: `${partner.name} is saved.`,
        redirect: '/admin/partners',
      }),
      refusals: PARTNER_REFUSALS,
      refused: async ({ status, errors }) => {
        // The partner's name and state as stored, for the heading and the activation section.
        const partner = await this.api
          .get<PartnerView>(user, 'partner-matching', `/api/partners/${partnerId}`)
          .catch(() => ({ id: partnerId, name: form.name ?? '', active: true, deactivatedAt: null }));
        this.form(res.status(status), { form, partner, errors });
      },
    });
  }

  @Get(':id/deactivate')
  async confirmDeactivation(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const partner = await this.api.get<PartnerView>(user, 'partner-matching', `/api/partners/${pageId(id)}`);
    if (partner.deactivatedAt) return res.redirect(303, `/admin/partners/${partner.id}/edit`);
    res.render('pages/admin/partners/deactivate.njk', { title: 'Deactivate a partner', partner });
  }

  @Post(':id/deactivate')
  deactivate(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.setActive(user, pageId(id), false, req, res);
  }

  @Post(':id/activate')
  activate(
    @CurrentUser() user: SessionUser,
    @Param('id') id: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.setActive(user, pageId(id), true, req, res);
  }

  private async setActive(
    user: SessionUser,
    partnerId: string,
    active: boolean,
    req: Request,
    res: Response,
  ): Promise<void> {
    try {
      const partner = await this.api.post<PartnerView>(
        user,
        'partner-matching',
        `/api/partners/${partnerId}/${active ? 'activate' : 'deactivate'}`,
      );
      flash(
        req,
        active ? 'Partner active again' : 'Partner deactivated',
        active ? `${partner.name} can receive offers again.` : `${partner.name} receives no new offers.`,
      );
      res.redirect(303, '/admin/partners');
    } catch (error) {
      const refused = error instanceof ApiRefused && [400, 409, 422].includes(error.problem.status);
      if (!refused && !(error instanceof ApiUnavailable)) throw error;
      const errors = refused
        ? formErrors(error.problem.errors, PARTNER_LABELS, { detail: error.problem.detail, fallbackId: 'confirm' })
        : unavailableErrors((error as ApiUnavailable).correlationId, 'confirm');
      const partner = await this.api.get<PartnerView>(user, 'partner-matching', `/api/partners/${partnerId}`);
      if (active) return this.form(res.status(refused ? 409 : 503), { form: partnerFormOf(partner), partner, errors });
      res
        .status(refused ? 409 : 503)
        .render('pages/admin/partners/deactivate.njk', { title: 'Deactivate a partner', partner, errors });
    }
  }

  private form(
    res: Response,
    context: {
      form: PartnerForm;
      partner?: Pick<PartnerView, 'id' | 'name' | 'active' | 'deactivatedAt'>;
      idempotencyKey?: string;
      errors?: FormErrors;
    },
  ): void {
    res.render('pages/admin/partners/form.njk', {
      title: context.partner ? 'Change a partner' : 'Register a partner',
      ...context,
      state: context.partner ? partnerState(context.partner) : undefined,
      categoryItems: categoryItems(context.form.offenseCategories ?? []),
      specialtyItems: categoryItems(context.form.specialties ?? []),
    });
  }
}
