import { Body, Get, Injectable, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentUser } from '../auth/current-user';
import { choicesOf } from '../messages/describe';
import { ServiceApi } from '../platform/api-client';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import type { FormErrors } from '../admin/forms/form-errors';
import { explainFailure } from '../admin/forms/refusal';
import {
  overlapHoursFrom,
  registrationBody,
  WEBHOOK_CONTROLS,
  WEBHOOK_LABELS,
  webhookFormFrom,
  type WebhookForm,
} from './webhook-form';
import { SECRET_VIEW, WebhookPages, endpointRow, type EndpointActions } from './webhook-pages.service';
import type { WebhookSecret } from './webhook-shapes';
import type { WebhookSource } from './webhook-sources';

/**
 * The pages an organisation's staff use for its webhook endpoints, at `base` (an office's
 * prosecutors at /office/webhooks, a partner's administrators at /partner/webhooks): the list
 * with each endpoint's state, registering one (its secret shown once), rotating the secret,
 * disabling it, and its delivery log with re-sending. An administrator approves elsewhere.
 */
export function OwnerWebhookPages(source: WebhookSource, base: string) {
  const actionsFor = (id: string): EndpointActions => ({
    path: `${base}/${id}`,
    listPath: base,
    canRotate: true,
    canApprove: false,
  });

  @Injectable()
  class OwnerWebhookPagesController {
    constructor(
      protected readonly pages: WebhookPages,
      protected readonly api: ServiceApi,
    ) {}

    @Get()
    async list(@CurrentUser() user: SessionUser, @Res() res: Response): Promise<void> {
      res.render('pages/webhooks/list.njk', {
        title: 'Webhooks',
        endpoints: (await this.pages.list(user, source)).map((endpoint) => ({
          ...endpoint,
          href: `${base}/${endpoint.id}`,
        })),
        base,
        owner: source.kind,
      });
    }

    @Get('new')
    newEndpoint(@Res() res: Response): void {
      this.form(res, { eventTypes: [...source.eventTypes] });
    }

    @Post()
    async register(
      @CurrentUser() user: SessionUser,
      @Body() body: Record<string, unknown>,
      @Res() res: Response,
    ): Promise<void> {
      const form = webhookFormFrom(body);
      try {
        const created = await this.api.post<WebhookSecret>(user, source.service, source.api, {
          body: registrationBody(form),
        });
        this.secret(res.status(201), created, 'Endpoint registered');
      } catch (error) {
        const failure = explainFailure(error, WEBHOOK_LABELS, { fallbackId: 'url', controls: WEBHOOK_CONTROLS });
        if (!failure) throw error;
        this.form(res.status(failure.status), form, failure.errors);
      }
    }

    @Get(':id')
    show(@CurrentUser() user: SessionUser, @Param('id') id: string, @Res() res: Response): Promise<void> {
      const endpointId = pageId(id);
      return this.pages.showEndpoint(user, source, endpointId, actionsFor(endpointId), res);
    }

    @Post(':id/rotate-secret')
    async rotate(
      @CurrentUser() user: SessionUser,
      @Param('id') id: string,
      @Body() body: Record<string, unknown>,
      @Res() res: Response,
    ): Promise<void> {
      const endpointId = pageId(id);
      const overlapHours = overlapHoursFrom(body['overlapHours']);
      try {
        const rotated = await this.api.post<WebhookSecret>(
          user,
          source.service,
          `${source.api}/${endpointId}/rotate-secret`,
          { body: overlapHours === undefined ? {} : { overlapHours } },
        );
        this.secret(res, rotated, 'New signing secret');
      } catch (error) {
        const failure = explainFailure(error, WEBHOOK_LABELS, { fallbackId: 'overlapHours' });
        if (!failure) throw error;
        await this.pages.showEndpoint(user, source, endpointId, actionsFor(endpointId), res.status(failure.status), {
          errors: failure.errors,
          overlapHours: body['overlapHours'],
        });
      }
    }

    @Post(':id/disable')
    disable(
      @CurrentUser() user: SessionUser,
      @Param('id') id: string,
      @Req() req: Request,
      @Res() res: Response,
    ): Promise<void> {
      const endpointId = pageId(id);
      return this.pages.disable(user, source, endpointId, actionsFor(endpointId), req, res);
    }

    @Post(':id/deliveries/:deliveryId/resend')
    resend(
      @CurrentUser() user: SessionUser,
      @Param('id') id: string,
      @Param('deliveryId') deliveryId: string,
      @Req() req: Request,
      @Res() res: Response,
    ): Promise<void> {
      const endpointId = pageId(id);
      return this.pages.resend(user, source, endpointId, pageId(deliveryId), actionsFor(endpointId), req, res);
    }

    private form(res: Response, form: WebhookForm, errors?: FormErrors): void {
      const chosen = new Set(form.eventTypes ?? []);
      res.render('pages/webhooks/form.njk', {
        title: 'Register a webhook endpoint',
        form,
        base,
        owner: source.kind,
        eventItems: choicesOf('webhookEventType')
          .filter((choice) => source.eventTypes.includes(choice.value))
          .map((choice) => ({ ...choice, checked: chosen.has(choice.value) })),
        errors,
        pageHasErrors: Boolean(errors?.summary.length),
      });
    }

    private secret(res: Response, answer: WebhookSecret, heading: string): void {
      res.render(SECRET_VIEW, {
        title: heading,
        heading,
        endpoint: endpointRow(answer.endpoint),
        secret: answer.secret,
        path: `${base}/${answer.endpoint.id}`,
      });
    }
  }
  return OwnerWebhookPagesController;
}
