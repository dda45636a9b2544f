import { Module } from '@nestjs/common';
import { LedgerEventsHandler } from './ledger-events.handler';

/** The consuming side: every event into the ledger (an @EventPattern controller). */
@Module({ controllers: [LedgerEventsHandler] })
export class LedgerFeatureModule {}
