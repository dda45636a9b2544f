import { Global, Module } from '@nestjs/common';
import { Idempotency } from '../idempotency/idempotency';

/** What every feature of intake shares: the Idempotency-Key table (the clock is the application kit's). */
@Global()
@Module({
  providers: [Idempotency],
  exports: [Idempotency],
})
export class PlatformModule {}
