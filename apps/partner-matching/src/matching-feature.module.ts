import { Module } from '@nestjs/common';
import { CaseEventsHandler } from './events/case-events.handler';
import { ReferralEventsHandler } from './events/referral-events.handler';
import { MatchController } from './matching/match.controller';
import { MatchReader } from './matching/match-reader.service';
import { MatchingService } from './matching/matching.service';
import { OfferExpiryProcessor } from './offers/offer-expiry.processor';
import { OfferFlow } from './offers/offer-flow.service';
import { OfferSweep } from './offers/offer-sweep.service';
import { OffersController } from './offers/offers.controller';
import { OffersService } from './offers/offers.service';
import { PartnerLoad } from './partners/partner-load.service';
import { PartnersController } from './partners/partners.controller';
import { PartnersService } from './partners/partners.service';
import { PracticeEventsHandler } from './practice/practice-events.handler';

/** partner-matching's features: the registry, matching, offers, and the events that drive them (@EventPattern controllers). */
@Module({
  controllers: [
    PartnersController,
    OffersController,
    MatchController,
    ReferralEventsHandler,
    CaseEventsHandler,
    PracticeEventsHandler,
  ],
  providers: [
    PartnersService,
    PartnerLoad,
    MatchingService,
    MatchReader,
    OfferFlow,
    OffersService,
    OfferExpiryProcessor,
    OfferSweep,
  ],
  exports: [OfferExpiryProcessor, OfferFlow, OfferSweep, OffersService, MatchingService],
})
export class MatchingFeatureModule {}
