import { Module } from '@nestjs/common';
import { LedgerEventsHandler } from './ledger-events.handler';

/** The consuming side: every event into the ledger. */
@Module({ providers: [LedgerEventsHandler], exports: [LedgerEventsHandler] })
export class LedgerFeatureModule {}
