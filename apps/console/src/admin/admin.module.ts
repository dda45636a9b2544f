import { Module } from '@nestjs/common';
import { ErasureController } from './erasure/erasure.controller';
import { OfficesController } from './offices/offices.controller';
import { PartnersController } from './partners/partners.controller';
import { MediatorPracticeController } from './practice/mediator-practice.controller';
import { PracticeThresholdsController } from './practice/practice-thresholds.controller';
import { PracticeVerificationController } from './practice/practice-verification.controller';
import { ReviewQueueController } from './review-queue/review-queue.controller';
import { ScreeningPoliciesController } from './screening-policies/screening-policies.controller';

/** The platform administrators' pages: offices, partners, screening policies, reviews, erasure. */
@Module({
  controllers: [
    OfficesController,
    PartnersController,
    ScreeningPoliciesController,
    ReviewQueueController,
    ErasureController,
    PracticeVerificationController,
    PracticeThresholdsController,
    MediatorPracticeController,
  ],
})
export class AdminModule {}
