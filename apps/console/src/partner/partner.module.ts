import { Module } from '@nestjs/common';
import { PartnerCasesController } from './cases/cases.controller';
import { PartnerHomeController } from './home/partner-home.controller';
import { PartnerMediatorsController } from './mediators/mediators.controller';
import { PartnerOffersController } from './offers/offers.controller';
import { PartnerPracticeController } from './practice/practice.controller';
import { PartnerProfileController } from './profile/profile.controller';

/** The partner administrators' pages: home, offers, the organisation's profile, mediators, cases. */
@Module({
  controllers: [
    PartnerHomeController,
    PartnerOffersController,
    PartnerProfileController,
    PartnerMediatorsController,
    PartnerPracticeController,
    PartnerCasesController,
  ],
})
export class PartnerModule {}
