import { Module } from '@nestjs/common';
import { FollowUpsController } from './follow-ups.controller';
import { ReferralFormController } from './referral-form.controller';
import { ReferralImportController } from './referral-import/referral-import.controller';
import { ReferralsController } from './referrals.controller';
import { StaffTrainingController } from './staff-training/staff-training.controller';

/** The prosecutors' pages: submit, list, find and follow referrals, reports and follow-ups. */
@Module({
  controllers: [
    ReferralFormController,
    ReferralImportController,
    ReferralsController,
    FollowUpsController,
    StaffTrainingController,
  ],
})
export class ProsecutorModule {}
