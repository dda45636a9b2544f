import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { FormErrors } from '../../admin/forms/form-errors';
import { blankCreateForm, idempotencyKeyFrom } from '../../admin/forms/idempotency';
import { explainFailure } from '../../admin/forms/refusal';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import type { SessionUser } from '../../platform/session-user';
import type { MediatorView, Paged } from '../api-shapes';
import { askForMissing } from '../missing-answer';
import { mediatorPathId } from '../partner-api';
import {
  MEDIATOR_CONTROLS,
  MEDIATOR_LABELS,
  mediatorChangesBody,
  mediatorFormFrom,
  mediatorFormOf,
  newMediatorBody,
  type MediatorForm,
} from './mediator-form';

/**
 * The programme's mediators: the list with each one's caseload, registering one, changing
 * their record, and deactivating them behind a confirmation page (they keep their cases and
 * history; they are proposed for nothing new) or activating them again.
 */
@ForRoles('partner_admin')
@Controller('partner/mediators')
export class PartnerMediatorsController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async list(
    @CurrentUser() user: SessionUser,
    @Query('after') after: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const cursor = typeof after === 'string' && after.length <= 100 ? after : undefined;
    const page = await this.api.get<Paged<MediatorView>>(user, 'mediation-scheduling', '/api/mediators', {
      query: { limit: 50, cursor },
    });
    res.render('pages/partner/mediators.njk', {
      title: 'Mediators',
      mediators: page.items,
      nextCursor: page.nextCursor,
      firstPage: !cursor,
    });
  }

  @Get('new')
  newMediator(@Res() res: Response): void {
    this.form(res, blankCreateForm());
  }

  @Post()
  async register(
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const form = mediatorFormFrom(body);
    const idempotencyKey = idempotencyKeyFrom(body['idempotencyKey']);
    try {
      const mediator = await this.api.post<MediatorView>(user, 'mediation-scheduling', '/api/mediators', {
        body: newMediatorBody(form),
        idempotencyKey,
      });
      flash(
        req,
        'Mediator registered',
        `Record ${mediator.fullName}’s credentials and checks: they can be proposed for cases once an administrator has verified them.`,
      );
      res.redirect(303, '/partner/mediators');
    } catch (error) {
      const failure = explainFailure(error, MEDIATOR_LABELS, { fallbackId: 'sub', controls: MEDIATOR_CONTROLS });
      if (!failure) throw error;
      const errors = askForMissing(
        askForMissing(withoutFieldName(failure.errors), 'sub', form.sub, 'Enter the mediator’s account id'),
        'fullName',
        form.fullName,
        'Enter the mediator’s full name',
      );
      this.form(res.status(failure.status), {
        form,
        idempotencyKey,
        errors: askForMissing(errors, 'email', form.email, 'Enter the mediator’s work e-mail address'),
      });
    }
  }

  @Get(':sub/edit')
  async edit(@CurrentUser() user: SessionUser, @Param('sub') sub: string, @Res() res: Response): Promise<void> {
    const mediator = await this.read(user, sub);
    this.form(res, { form: mediatorFormOf(mediator), mediator });
  }

  @Post(':sub')
  async update(
    @CurrentUser() user: SessionUser,
    @Param('sub') sub: string,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const id = mediatorPathId(sub);
    const form = mediatorFormFrom(body);
    try {
      const mediator = await this.api.patch<MediatorView>(
        user,
        'mediation-scheduling',
        `/api/mediators/${encodeURIComponent(id)}`,
        { body: mediatorChangesBody(form) },
      );
      flash(req, 'Mediator changed', `${mediator.fullName} is saved.`);
      res.redirect(303, '/partner/mediators');
    } catch (error) {
      const failure = explainFailure(error, MEDIATOR_LABELS, { fallbackId: 'fullName', controls: MEDIATOR_CONTROLS });
      if (!failure) throw error;
      const mediator = await this.read(user, id);
      this.form(res.status(failure.status), {
        form: { ...form, sub: id },
        mediator,
        errors: withoutFieldName(failure.errors),
      });
    }
  }

  @Get(':sub/deactivate')
  async confirmDeactivation(
    @CurrentUser() user: SessionUser,
    @Param('sub') sub: string,
    @Res() res: Response,
  ): Promise<void> {
    const mediator = await this.read(user, sub);
    if (!mediator.active) return res.redirect(303, `/partner/mediators/${encodeURIComponent(mediator.sub)}/edit`);
    res.render('pages/partner/mediator-deactivate.njk', { title: 'Deactivate a mediator', mediator });
  }

  @Post(':sub/deactivate')
  deactivate(
    @CurrentUser() user: SessionUser,
    @Param('sub') sub: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.setActive(user, mediatorPathId(sub), false, req, res);
  }

  @Post(':sub/activate')
  activate(
    @CurrentUser() user: SessionUser,
    @Param('sub') sub: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.setActive(user, mediatorPathId(sub), true, req, res);
  }

  private async setActive(user: SessionUser, sub: string, active: boolean, req: Request, res: Response): Promise<void> {
    try {
      const mediator = await this.api.post<MediatorView>(
        user,
        'mediation-scheduling',
        `/api/mediators/${encodeURIComponent(sub)}/${active ? 'activate' : 'deactivate'}`,
      );
      flash(
        req,
        active ? 'Mediator active again' : 'Mediator deactivated',
        active
          ? `${mediator.fullName} can be proposed for cases again.`
          : `${mediator.fullName} is proposed for no new case and keeps their current cases.`,
      );
      res.redirect(303, '/partner/mediators');
    } catch (error) {
      const failure = explainFailure(error, MEDIATOR_LABELS, { fallbackId: 'confirm' });
      if (!failure) throw error;
      const mediator = await this.read(user, sub);
      if (active)
        return this.form(res.status(failure.status), {
          form: mediatorFormOf(mediator),
          mediator,
          errors: failure.errors,
        });
      res.status(failure.status).render('pages/partner/mediator-deactivate.njk', {
        title: 'Deactivate a mediator',
        mediator,
        errors: failure.errors,
      });
    }
  }

  private read(user: SessionUser, sub: string): Promise<MediatorView> {
    return this.api.get<MediatorView>(
      user,
      'mediation-scheduling',
      `/api/mediators/${encodeURIComponent(mediatorPathId(sub))}`,
    );
  }

  private form(
    res: Response,
    context: { form: MediatorForm; mediator?: MediatorView; idempotencyKey?: string; errors?: FormErrors },
  ): void {
    res.render('pages/partner/mediator-form.njk', {
      title: context.mediator ? 'Change a mediator' : 'Register a mediator',
      ...context,
    });
  }
}

/** The service names the field in its account-id rule ("sub must be …"); the label already does. */
function withoutFieldName(errors: FormErrors): FormErrors {
  const plain = (text: string) => text.replace(/^Account id sub /, 'Account id ');
  return {
    summary: errors.summary.map((item) => ({ ...item, text: plain(item.text) })),
    byField: Object.fromEntries(Object.entries(errors.byField).map(([field, text]) => [field, plain(text)])),
  };
}
