import { Module } from '@nestjs/common';
import { SurveyClient } from './survey.client';
import { SurveyController } from './survey.controller';

/** The participants' feedback survey: public pages reached by a single-use link. */
@Module({ controllers: [SurveyController], providers: [SurveyClient] })
export class SurveyModule {}
