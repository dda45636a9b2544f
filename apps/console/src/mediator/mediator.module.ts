import { Module } from '@nestjs/common';
import { AgreementPagesController } from './agreement.controller';
import { MediatorCasesController } from './cases.controller';
import { ConfidentialPagesController } from './confidential.controller';
import { ContactPagesController } from './contact.controller';
import { FeedbackPagesController } from './feedback.controller';
import { MediatorHomeController } from './home.controller';
import { PreparationFormsController } from './preparation.controller';
import { MediatorSessionsController } from './sessions.controller';

/** The mediators' pages (the contact page before the other participant forms, whose `:form` would take its path): their week, their cases, the dialogue gate, the forms behind it, sessions and the calendar feed. */
@Module({
  controllers: [
    MediatorHomeController,
    MediatorCasesController,
    MediatorSessionsController,
    ContactPagesController,
    PreparationFormsController,
    ConfidentialPagesController,
    AgreementPagesController,
    FeedbackPagesController,
  ],
})
export class MediatorModule {}
