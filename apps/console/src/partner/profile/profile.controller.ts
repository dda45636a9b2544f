import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { languageName } from '../../admin/forms/category-choices';
import type { FormErrors } from '../../admin/forms/form-errors';
import { explainFailure } from '../../admin/forms/refusal';
import { ForRoles } from '../../auth/access';
import { CurrentUser } from '../../auth/current-user';
import { ServiceApi } from '../../platform/api-client';
import { flash } from '../../platform/flash';
import type { SessionUser } from '../../platform/session-user';
import type { OwnPartnerView } from '../api-shapes';
import { ownPartnerId } from '../partner-api';
import {
  PROFILE_CONTROLS,
  PROFILE_LABELS,
  profileChangesBody,
  profileFormFrom,
  profileFormOf,
  type ProfileForm,
} from './profile-form';

/**
 * The organisation's profile: what its administrator keeps (capacity, languages, taking new
 * offers, time to answer, contact) as a form; what the platform administrator decided (name,
 * area, categories, minors, specialist status) shown beside it, read-only.
 */
@ForRoles('partner_admin')
@Controller('partner/profile')
export class PartnerProfileController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async show(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    const partner = await this.api.get<OwnPartnerView>(user, 'partner-matching', `/api/partners/${ownPartnerId(user)}`);
    this.render(res, partner, profileFormOf(partner));
  }

  @Post()
  async save(
    @CurrentUser() user: SessionUser,
    @Body() body: Record<string, unknown>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const partnerId = ownPartnerId(user);
    const form = profileFormFrom(body);
    const stored = await this.api.get<OwnPartnerView>(user, 'partner-matching', `/api/partners/${partnerId}`);
    try {
      await this.api.patch<OwnPartnerView>(user, 'partner-matching', `/api/partners/${partnerId}`, {
        body: profileChangesBody(form, stored.deactivatedAt === null),
      });
      flash(req, 'Profile saved', 'New offers follow your changes from now on.');
      res.redirect(303, '/partner/profile');
    } catch (error) {
      const failure = explainFailure(error, PROFILE_LABELS, { fallbackId: 'capacity', controls: PROFILE_CONTROLS });
      if (!failure) throw error;
      this.render(res.status(failure.status), stored, form, failure.errors);
    }
  }

  private render(res: Response, partner: OwnPartnerView, form: ProfileForm, errors?: FormErrors): void {
    res.render('pages/partner/profile.njk', {
      title: 'Your organisation',
      partner: { ...partner, languageNames: partner.languages.map(languageName) },
      form,
      deactivatedByAdmin: partner.deactivatedAt !== null,
      errors,
    });
  }
}
