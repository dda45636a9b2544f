import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ApiRefused, ApiUnavailable, ServiceApi } from '../platform/api-client';
import type { SessionUser } from '../platform/session-user';
import type { Office } from './api-shapes';
import { errorsByField } from './referral-form/field-ids';
import { formToBody } from './referral-form/form-to-body';
import { emptyForm, type ReferralFormValues } from './referral-form/form-values';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{8,100}$/;

/**
 * Submit a referral: the whole referral body as one form. The service validates; its
 * `errors[]` come back as the GOV.UK error summary with each field's message, and the form is
 * shown again from what was posted. The form carries an idempotency key minted when it was
 * first shown, so a double click or a resubmission after an error makes one referral.
 */
@Controller('referrals/new')
@ForRoles('prosecutor')
export class ReferralFormController {
  constructor(private readonly api: ServiceApi) {}

  @Get()
  async form(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
    res.render('pages/prosecutor/referral-form.njk', await this.context(user, emptyForm(randomUUID())));
  }

  @Post()
  async submit(
    @CurrentUser() user: SessionUser,
    @Body() form: ReferralFormValues,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const idempotencyKey =
      typeof form.idempotencyKey === 'string' && IDEMPOTENCY_KEY.test(form.idempotencyKey)
        ? form.idempotencyKey
        : randomUUID();
    const values = { ...form, idempotencyKey };
    // Dates that do not exist are found here; everything else by the service, in the same round.
    const { body, errors: dateErrors } = formToBody(values);
    try {
      const created = await this.api.post<{ id: string; status: string }>(user, 'referral-intake', '/api/referrals', {
        body,
        idempotencyKey,
      });
      req.session.flash = {
        heading: 'Referral submitted',
        text: 'It has been screened against the jurisdiction’s policy; its page shows what happens next.',
      };
      res.redirect(303, `/referrals/${created.id}`);
    } catch (error) {
      if (error instanceof ApiRefused && [400, 403, 409, 422].includes(error.problem.status)) {
        const ours = new Set(dateErrors.map((dateError) => dateError.field));
        const apiErrors = (error.problem.errors ?? []).filter((apiError) => !ours.has(apiError.field));
        const merged = [...dateErrors, ...apiErrors];
        const fields = merged.length ? merged : [{ field: 'form', message: error.problem.detail ?? 'was refused' }];
        const shown = errorsByField(
          fields.map((field) => (field.field === 'form' ? { field: 'caseNumber', message: field.message } : field)),
        );
        if (!merged.length)
          shown.summary = [{ href: '#caseNumber', text: error.problem.detail ?? 'The referral was refused' }];
        return this.again(res, user, values, error.problem.status, shown);
      }
      if (error instanceof ApiUnavailable) {
        const summary = [
          {
            href: '#caseNumber',
            text: `The referral could not be submitted just now. Nothing has been lost: check the form and submit it again. Reference: ${error.correlationId}`,
          },
        ];
        return this.again(res, user, values, 503, { summary, byField: {} }, error.correlationId);
      }
      throw error;
    }
  }

  private async again(
    res: Response,
    user: SessionUser,
    values: ReferralFormValues,
    status: number,
    errors: ReturnType<typeof errorsByField>,
    correlationId?: string,
  ): Promise<void> {
    res.status(status).render('pages/prosecutor/referral-form.njk', {
      ...(await this.context(user, values)),
      pageHasErrors: true,
      errorSummary: errors.summary,
      fieldErrors: errors.byField,
      correlationId,
    });
  }

  private async context(user: SessionUser, values: ReferralFormValues) {
    const offices = await this.api
      .getOptional<{ items: Office[] } | Office[]>(user, 'referral-intake', '/api/offices')
      .catch(() => null);
    const list = Array.isArray(offices) ? offices : (offices?.items ?? []);
    const jurisdictions = [
      ...new Set(list.filter((office) => office.id === user.org).flatMap((office) => office.jurisdictions)),
    ];
    return { title: 'Submit a referral', values, jurisdictions };
  }
}
