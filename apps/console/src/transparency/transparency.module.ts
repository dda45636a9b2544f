import { Module } from '@nestjs/common';
import { PublicReportClient } from './public-report.client';
import { TransparencyController } from './transparency.controller';

/** The public transparency report: pages anyone may open, without signing in. */
@Module({ controllers: [TransparencyController], providers: [PublicReportClient] })
export class TransparencyModule {}
