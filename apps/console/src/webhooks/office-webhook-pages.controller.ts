import { Controller } from '@nestjs/common';
import { ForRoles } from '../auth/access';
import { OwnerWebhookPages } from './owner-webhook-pages';
import { WEBHOOK_SOURCES } from './webhook-sources';

/** An office's webhook endpoints, for its prosecutors (who administer the office's systems). */
@Controller('office/webhooks')
@ForRoles('prosecutor')
export class OfficeWebhookPagesController extends OwnerWebhookPages(WEBHOOK_SOURCES.office, '/office/webhooks') {}
