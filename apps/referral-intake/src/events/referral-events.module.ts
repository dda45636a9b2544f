import { Module } from '@nestjs/common';
import { ReferralProgressHandler } from './referral-progress.handler';

/** The handlers of other services' events, for MessagingModule's subscriptions. */
@Module({ providers: [ReferralProgressHandler], exports: [ReferralProgressHandler] })
export class ReferralEventsModule {}
