import { Module } from '@nestjs/common';
import { FollowUpWebhookHandler } from './follow-up-webhook.handler';

/** The webhook handlers of other services' events: @EventPattern controllers, run by the exactly-once consumer. */
@Module({ controllers: [FollowUpWebhookHandler] })
export class WebhookEventsModule {}
