import { Module } from '@nestjs/common';
import { AgreementService } from './agreements/agreement.service';
import { AgreementsController } from './agreements/agreements.controller';
import { FreeTextCipher } from './agreements/free-text-cipher';
import { TermChangesService } from './agreements/term-changes.service';
import { MatchingEventsHandler } from './events/matching-events.handler';
import { ReferralEventsHandler } from './events/referral-events.handler';
import { SchedulingEventsHandler } from './events/scheduling-events.handler';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsFactsRepository } from './metrics/metrics-facts.repository';
import { CaseOutcomeService } from './outcome/case-outcome.service';
import { HarmedPartyNoticeService } from './outcome/harmed-party-notice.service';
import { DueFollowUpsScanner } from './scan/due-follow-ups.scanner';
import { OutcomeScanService } from './scan/outcome-scan.service';
import { OverdueTermsScanner } from './scan/overdue-terms.scanner';
import { CaseOutcomeView } from './views/case-outcome.view';
import { OutcomeViewsController } from './views/outcome-views.controller';

const handlers = [ReferralEventsHandler, MatchingEventsHandler, SchedulingEventsHandler];

/** Agreements, compliance, report-back, follow-ups and figures; the event handlers feeding them. */
@Module({
  controllers: [AgreementsController, OutcomeViewsController, FollowUpsController, MetricsController],
  providers: [
    ...handlers, AgreementService, TermChangesService, FreeTextCipher, CaseOutcomeService, HarmedPartyNoticeService,
    CaseOutcomeView, MetricsFactsRepository, OverdueTermsScanner, DueFollowUpsScanner, OutcomeScanService,
  ],
  exports: [...handlers, OutcomeScanService],
})
export class OutcomeFeatureModule {}
