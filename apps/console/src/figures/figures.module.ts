import { Module } from '@nestjs/common';
import { EligibleNotReferredController } from './equity/eligible-not-referred.controller';
import { EquityController } from './equity/equity.controller';
import { FiguresController } from './figures.controller';

/** Outcome figures as charts and tables, with each table as CSV; equity of access beside them. */
@Module({ controllers: [FiguresController, EquityController, EligibleNotReferredController] })
export class FiguresModule {}
