import { Global, Module } from '@nestjs/common';
import { Idempotency } from '../idempotency/idempotency';
import { CLOCK, systemClock } from './clock';

/** What every feature of intake shares: the clock and the Idempotency-Key table. */
@Global()
@Module({
  providers: [{ provide: CLOCK, useValue: systemClock }, Idempotency],
  exports: [CLOCK, Idempotency],
})
export class IntakeCommonModule {}
