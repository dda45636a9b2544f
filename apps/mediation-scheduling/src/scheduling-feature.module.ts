import { Module } from '@nestjs/common';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { ConfidentialCipher } from './confidential/confidential-cipher';
import { ConfidentialController } from './confidential/confidential.controller';
import { ConfidentialService } from './confidential/confidential.service';
import { MatchingEventsHandler } from './events/matching-events.handler';
import { ReferralEventsHandler } from './events/referral-events.handler';
import { MediatorsController } from './mediators/mediators.controller';
import { MediatorsService } from './mediators/mediators.service';
import { CaseChange } from './preparation/case-change';
import { ConclusionService } from './preparation/conclusion.service';
import { PreparationController } from './preparation/preparation.controller';
import { PreparationService } from './preparation/preparation.service';
import { PracticeThresholdsController } from './practitioners/practice-thresholds.controller';
import { PractitionersController } from './practitioners/practitioners.controller';
import { PractitionersService } from './practitioners/practitioners.service';
import { SchedulingJobsModule } from './reminders/scheduling-jobs';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsService } from './sessions/sessions.service';

/** Everything mediation-scheduling does: its endpoints, its event handlers (@EventPattern controllers), its jobs. */
@Module({
  imports: [SchedulingJobsModule],
  controllers: [
    MediatorsController,
    CasesController,
    PreparationController,
    SessionsController,
    ConfidentialController,
    CalendarController,
    ContactsController,
    PractitionersController,
    PracticeThresholdsController,
    ReferralEventsHandler,
    MatchingEventsHandler,
  ],
  providers: [
    MediatorsService,
    CasesService,
    CaseChange,
    PreparationService,
    ConclusionService,
    SessionsService,
    CalendarService,
    ContactsService,
    PractitionersService,
    ConfidentialCipher,
    ConfidentialService,
  ],
  exports: [SchedulingJobsModule],
})
export class SchedulingFeatureModule {}
