import { Controller, Get, NotFoundException, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ForRoles } from '../auth/access';
import { CurrentUser } from '../auth/current-user';
import { ServiceApi } from '../platform/api-client';
import { pageId } from '../platform/ids';
import type { SessionUser } from '../platform/session-user';
import { WebhookPages, type EndpointActions } from './webhook-pages.service';
import { sourceOf, WEBHOOK_SOURCES, type WebhookSource } from './webhook-sources';

const BASE = '/admin/webhooks';

const actionsFor = (source: WebhookSource, id: string): EndpointActions => ({
  path: `${BASE}/${source.kind}/${id}`,
  listPath: BASE,
  canRotate: false,
  canApprove: true,
});

/**
 * Offices' and partners' webhook endpoints for platform administrators: those waiting for
 * approval first (or every one), each with its organisation; an endpoint's page approves its
 * destination, disables it, and re-sends a delivery. Secrets stay with their organisations.
 */
@Controller('admin/webhooks')
@ForRoles('admin')
export class AdminWebhookPagesController {
  constructor(
    private readonly pages: WebhookPages,
    private readonly api: ServiceApi,
  ) {}

  @Get()
  async list(
    @CurrentUser() user: SessionUser,
    @Query('show') show: string | undefined,
    @Res() res: Response,
  ): Promise<void> {
    const all = show === 'all';
    const status = all ? undefined : 'pending_approval';
    const lists = await Promise.all(
      Object.values(WEBHOOK_SOURCES).map(async (source) => {
        const endpoints = await this.pages.list(user, source, status);
        const names = await this.namesOf(user, source, [...new Set(endpoints.map((endpoint) => endpoint.orgId))]);
        return endpoints.map((endpoint) => ({
          ...endpoint,
          kind: source.kind,
          href: `${BASE}/${source.kind}/${endpoint.id}`,
          ownerName: names.get(endpoint.orgId) ?? 'Unknown organisation',
        }));
      }),
    );
    res.render('pages/webhooks/admin-list.njk', {
      title: 'Webhook endpoints',
      endpoints: lists.flat().sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      all,
    });
  }

  @Get(':kind/:id')
  show(
    @CurrentUser() user: SessionUser,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const [source, endpointId] = this.target(kind, id);
    return this.pages.showEndpoint(user, source, endpointId, actionsFor(source, endpointId), res);
  }

  /** The administrator's two decisions on an endpoint: `approve` (deliveries start) or `disable`. */
  @Post(':kind/:id/:decision')
  decide(
    @CurrentUser() user: SessionUser,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Param('decision') decision: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const [source, endpointId] = this.target(kind, id);
    if (decision !== 'approve' && decision !== 'disable') throw new NotFoundException();
    return this.pages[decision](user, source, endpointId, actionsFor(source, endpointId), req, res);
  }

  @Post(':kind/:id/deliveries/:deliveryId/resend')
  resend(
    @CurrentUser() user: SessionUser,
    @Param('kind') kind: string,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const [source, endpointId] = this.target(kind, id);
    return this.pages.resend(user, source, endpointId, pageId(deliveryId), actionsFor(source, endpointId), req, res);
  }

  private target(kind: string, id: string): [WebhookSource, string] {
    const source = sourceOf(kind);
    if (!source) throw new NotFoundException();
    return [source, pageId(id)];
  }

  /** The organisations' names, for the list: an administrator reads every office and partner. */
  private async namesOf(user: SessionUser, source: WebhookSource, ids: string[]): Promise<Map<string, string>> {
    const path = source.kind === 'office' ? '/api/offices' : '/api/partners';
    const found = await Promise.all(
      ids.map((id) => this.api.getOptional<{ id: string; name: string }>(user, source.service, `${path}/${id}`)),
    );
    return new Map(found.filter((org) => org !== null).map((org) => [org.id, org.name]));
  }
}
