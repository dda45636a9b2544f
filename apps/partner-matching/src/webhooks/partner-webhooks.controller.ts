import { Controller } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PartnerEntity } from '@rj/matching/data-access';
import type { Principal } from '@rj/shared/auth';
import { InvalidInput, NotFound } from '@rj/shared/contracts';
import {
  WebhookEndpoints,
  WebhookEndpointsApi,
  type RegisterWebhookEndpointDto,
  type WebhookRegistrationOwner,
} from '@rj/shared/webhooks';

/**
 * A partner's webhook endpoints for its case-management system (issue 21), as referral-intake
 * has them for offices: its administrators register them, rotate their secrets and read their
 * delivery logs; an admin approves each destination before anything is sent. Another
 * partner's endpoint is 404.
 */
@Controller('api/partner-webhooks')
export class PartnerWebhooksController extends WebhookEndpointsApi({
  owner: 'partner',
  ownerRole: 'partner_admin',
  registerSummary:
    "Register an HTTPS endpoint for the partner's offers: it waits for an admin's approval. The answer holds the signing secret, this once.",
  listSummary:
    "The partner's endpoints (its administrator), or every partner's (an admin; `status=pending_approval` lists those to approve).",
}) {
  constructor(
    endpoints: WebhookEndpoints,
    private readonly dataSource: DataSource,
  ) {
    super(endpoints);
  }

  /** The administrator's partner; its contact address unless the registration names one, and one is needed. */
  protected async registrationOwner(
    principal: Principal,
    dto: RegisterWebhookEndpointDto,
  ): Promise<WebhookRegistrationOwner> {
    const partner = await this.dataSource.getRepository(PartnerEntity).findOneBy({ id: principal.org ?? '' });
    if (!partner) throw new NotFound('no such partner');
    const contactEmail = dto.contactEmail ?? partner.contactEmail;
    if (!contactEmail)
      throw new InvalidInput('contactEmail is needed', [
        { field: 'contactEmail', message: 'the partner has no contact address: give one' },
      ]);
    return { orgId: partner.id, contactEmail };
  }
}
