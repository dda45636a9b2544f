import { Module } from '@nestjs/common';
import { AdminWebhookPagesController } from './admin-webhook-pages.controller';
import { OfficeWebhookPagesController } from './office-webhook-pages.controller';
import { PartnerWebhookPagesController } from './partner-webhook-pages.controller';
import { WebhookPages } from './webhook-pages.service';

/** Webhook endpoints of offices' and partners' case-management systems: their staff's pages and the administrators'. */
@Module({
  controllers: [OfficeWebhookPagesController, PartnerWebhookPagesController, AdminWebhookPagesController],
  providers: [WebhookPages],
})
export class WebhooksPagesModule {}
