import { Controller } from '@nestjs/common';
import { ForRoles } from '../auth/access';
import { OwnerWebhookPages } from './owner-webhook-pages';
import { WEBHOOK_SOURCES } from './webhook-sources';

/** A partner's webhook endpoints, for its administrators. */
@Controller('partner/webhooks')
@ForRoles('partner_admin')
export class PartnerWebhookPagesController extends OwnerWebhookPages(WEBHOOK_SOURCES.partner, '/partner/webhooks') {}
