import { Controller } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OfficeEntity } from '@rj/referral/data-access';
import type { Principal } from '@rj/shared/auth';
import { NotFound } from '@rj/shared/contracts';
import {
  WebhookEndpoints,
  WebhookEndpointsApi,
  type RegisterWebhookEndpointDto,
  type WebhookRegistrationOwner,
} from '@rj/shared/webhooks';

/**
 * An office's webhook endpoints for its case-management system (issue 21). Its prosecutors
 * register them, rotate their secrets and read their delivery logs; an admin approves each
 * destination before anything is sent. Another office's endpoint is 404.
 */
@Controller('api/office-webhooks')
export class OfficeWebhooksController extends WebhookEndpointsApi({
  owner: 'office',
  ownerRole: 'prosecutor',
  registerSummary:
    "Register an HTTPS endpoint for the office's referrals: it waits for an admin's approval. The answer holds the signing secret, this once.",
  listSummary:
    "The office's endpoints (a prosecutor), or every office's (an admin; `status=pending_approval` lists those to approve).",
}) {
  constructor(
    endpoints: WebhookEndpoints,
    private readonly dataSource: DataSource,
  ) {
    super(endpoints);
  }

  /** The prosecutor's office; its contact address unless the registration names one. */
  protected async registrationOwner(
    principal: Principal,
    dto: RegisterWebhookEndpointDto,
  ): Promise<WebhookRegistrationOwner> {
    const office = await this.dataSource.getRepository(OfficeEntity).findOneBy({ id: principal.org ?? '' });
    if (!office) throw new NotFound('no such office');
    return { orgId: office.id, contactEmail: dto.contactEmail ?? office.contactEmail };
  }
}
