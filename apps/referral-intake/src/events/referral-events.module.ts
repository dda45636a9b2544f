import { Module } from '@nestjs/common';
import { ReferralProgressHandler } from './referral-progress.handler';

/** The handlers of other services' events: @EventPattern controllers, run by the exactly-once consumer. */
@Module({ controllers: [ReferralProgressHandler] })
export class ReferralEventsModule {}
