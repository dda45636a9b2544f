import { Module } from '@nestjs/common';
import { FollowUpWebhookHandler } from './follow-up-webhook.handler';

/** The webhook handlers of other services' events, for MessagingModule's subscriptions. */
@Module({ providers: [FollowUpWebhookHandler], exports: [FollowUpWebhookHandler] })
export class WebhookEventsModule {}
