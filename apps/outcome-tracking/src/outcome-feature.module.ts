import { Module } from '@nestjs/common';
import { AgreementService } from './agreements/agreement.service';
import { AgreementsController } from './agreements/agreements.controller';
import { FreeTextCipher } from './agreements/free-text-cipher';
import { TermChangesService } from './agreements/term-changes.service';
import { MatchingEventsHandler } from './events/matching-events.handler';
import { ReferralEventsHandler } from './events/referral-events.handler';
import { SchedulingEventsHandler } from './events/scheduling-events.handler';
import { EquityController } from './equity/equity.controller';
import { EquityFactsRepository } from './equity/equity-facts.repository';
import { EligibleNotReferredController } from './equity/eligible-not-referred.controller';
import { SelfDeclarationController } from './equity/self-declaration.controller';
import { SelfDeclarationService } from './equity/self-declaration.service';
import { PublicationOptInsController } from './transparency/publication-opt-ins.controller';
import { TransparencyController } from './transparency/transparency.controller';
import { TransparencyService } from './transparency/transparency.service';
import { FeedbackController } from './feedback/feedback.controller';
import { FeedbackResultsController } from './feedback/feedback-results.controller';
import { FeedbackService } from './feedback/feedback.service';
import { SurveyMailer } from './feedback/survey-mailer';
import { SurveyRemindersScanner } from './feedback/survey-reminders.scanner';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { FollowUpsService } from './follow-ups/follow-ups.service';
import { MetricsController } from './metrics/metrics.controller';
import { CaseOutcomeService } from './outcome/case-outcome.service';
import { HarmedPartyNoticeService } from './outcome/harmed-party-notice.service';
import { DueFollowUpsScanner } from './scan/due-follow-ups.scanner';
import { OutcomeScanService } from './scan/outcome-scan.service';
import { OverdueTermsScanner } from './scan/overdue-terms.scanner';
import { CaseOutcomeView } from './views/case-outcome.view';
import { OutcomeViewsController } from './views/outcome-views.controller';

/** Agreements, compliance, report-back, follow-ups and figures; the event handlers (@EventPattern controllers) feeding them. */
@Module({
  controllers: [
    ReferralEventsHandler,
    MatchingEventsHandler,
    SchedulingEventsHandler,
    AgreementsController,
    OutcomeViewsController,
    FollowUpsController,
    MetricsController,
    EquityController,
    EligibleNotReferredController,
    SelfDeclarationController,
    PublicationOptInsController,
    TransparencyController,
    FeedbackController,
    FeedbackResultsController,
  ],
  providers: [
    AgreementService,
    FollowUpsService,
    TermChangesService,
    FreeTextCipher,
    CaseOutcomeService,
    HarmedPartyNoticeService,
    CaseOutcomeView,
    EquityFactsRepository,
    SelfDeclarationService,
    TransparencyService,
    FeedbackService,
    SurveyMailer,
    SurveyRemindersScanner,
    OverdueTermsScanner,
    DueFollowUpsScanner,
    OutcomeScanService,
  ],
  exports: [OutcomeScanService],
})
export class OutcomeFeatureModule {}
