import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { describeCode } from '../messages/describe';
import { ServiceApi } from '../platform/api-client';
import { flash } from '../platform/flash';
import type { SessionUser } from '../platform/session-user';
import { explainFailure } from '../admin/forms/refusal';
import type { FormErrors } from '../admin/forms/form-errors';
import { deliveryRows, endpointTagClass, WEBHOOK_LABELS } from './webhook-form';
import type { WebhookSource } from './webhook-sources';
import type { WebhookDelivery, WebhookEndpoint } from './webhook-shapes';

export const ENDPOINT_VIEW = 'pages/webhooks/endpoint.njk';
export const SECRET_VIEW = 'pages/webhooks/secret.njk';

/** What the person may do on an endpoint's page: the owner's staff rotate; an admin approves. */
export interface EndpointActions {
  /** The page's own path, which every form posts under. */
  readonly path: string;
  /** Where "back" leads: the list the page was opened from. */
  readonly listPath: string;
  readonly canRotate: boolean;
  readonly canApprove: boolean;
}

/** An endpoint as the list and the page show it: its state's words and colour. */
export function endpointRow(endpoint: WebhookEndpoint) {
  return {
    ...endpoint,
    statusText: describeCode('webhookEndpointStatus', endpoint.status),
    tagClass: endpointTagClass(endpoint.status),
    eventNames: endpoint.eventTypes.map((type) => describeCode('webhookEventType', type)),
    disabledReasonText: describeCode('webhookDisabledReason', endpoint.disabledReason),
  };
}

/**
 * The calls and answers every webhook page shares, whoever opens it: an office's or a
 * partner's staff, or an administrator. The services decide what each may see and do; a
 * refusal the page can explain comes back on the endpoint's page, with nothing lost.
 */
@Injectable()
export class WebhookPages {
  constructor(private readonly api: ServiceApi) {}

  async list(user: SessionUser, source: WebhookSource, status?: string): Promise<ReturnType<typeof endpointRow>[]> {
    const answer = await this.api.get<{ items: WebhookEndpoint[] }>(user, source.service, source.api, {
      query: { status },
    });
    return answer.items.map(endpointRow);
  }

  /** Renders an endpoint's page: its details, what may be done, and its delivery log. */
  async showEndpoint(
    user: SessionUser,
    source: WebhookSource,
    id: string,
    actions: EndpointActions,
    res: Response,
    extra: { errors?: FormErrors; overlapHours?: unknown } = {},
  ): Promise<void> {
    const [endpoint, deliveries] = await Promise.all([
      this.api.get<WebhookEndpoint>(user, source.service, `${source.api}/${id}`),
      this.api.get<{ items: WebhookDelivery[] }>(user, source.service, `${source.api}/${id}/deliveries`),
    ]);
    res.render(ENDPOINT_VIEW, {
      title: 'Webhook endpoint',
      endpoint: endpointRow(endpoint),
      deliveries: deliveryRows(deliveries.items),
      actions,
      pageHasErrors: Boolean(extra.errors?.summary.length),
      ...extra,
    });
  }

  /** Stops deliveries until an administrator approves the endpoint again. */
  disable(user: SessionUser, source: WebhookSource, id: string, actions: EndpointActions, req: Request, res: Response) {
    return this.change(
      user,
      source,
      id,
      actions,
      {
        path: '/disable',
        fallbackId: 'disable',
        done: ['Endpoint disabled', 'Nothing is sent to it until an administrator approves it again.'],
      },
      req,
      res,
    );
  }

  /** An administrator approves the destination: deliveries start (again). */
  approve(user: SessionUser, source: WebhookSource, id: string, actions: EndpointActions, req: Request, res: Response) {
    return this.change(
      user,
      source,
      id,
      actions,
      {
        path: '/approve',
        fallbackId: 'approve',
        done: ['Endpoint approved', 'Deliveries to it start now.'],
      },
      req,
      res,
    );
  }

  /** Sends a delivered or failed delivery again, under the same webhook-id. */
  resend(
    user: SessionUser,
    source: WebhookSource,
    id: string,
    deliveryId: string,
    actions: EndpointActions,
    req: Request,
    res: Response,
  ) {
    return this.change(
      user,
      source,
      id,
      actions,
      {
        path: `/deliveries/${deliveryId}/resend`,
        fallbackId: 'deliveries',
        done: ['Delivery sent again', 'It goes out again under the same webhook-id.'],
      },
      req,
      res,
    );
  }

  /** Runs a change and comes back to the endpoint's page: with a confirmation, or with why it was refused. */
  private async change(
    user: SessionUser,
    source: WebhookSource,
    id: string,
    actions: EndpointActions,
    call: { path: string; body?: unknown; fallbackId: string; done: [heading: string, text: string] },
    req: Request,
    res: Response,
  ): Promise<void> {
    try {
      await this.api.post(user, source.service, `${source.api}/${id}${call.path}`, { body: call.body });
      flash(req, ...call.done);
      res.redirect(303, actions.path);
    } catch (error) {
      const failure = explainFailure(error, WEBHOOK_LABELS, { fallbackId: call.fallbackId });
      if (!failure) throw error;
      await this.showEndpoint(user, source, id, actions, res.status(failure.status), { errors: failure.errors });
    }
  }
}
