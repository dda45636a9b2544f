import { Module } from '@nestjs/common';
import { LedgerDownload } from './ledger-download';
import { OversightController } from './oversight.controller';
import { ReferralHistoryController } from './referral-history.controller';
import { VerificationController } from './verification.controller';

/** The auditors' pages (administrators may open them too): oversight, search, timelines, verification, export. */
@Module({
  controllers: [OversightController, ReferralHistoryController, VerificationController],
  providers: [LedgerDownload],
})
export class AuditorModule {}
