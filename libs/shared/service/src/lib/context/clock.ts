import { Injectable } from '@nestjs/common';

/**
 * The service's notion of "now" (time is injectable: rules and scans take it from here, never
 * from `new Date()` inline). Production reads the system clock; a test may fix it to watch a
 * deadline pass without waiting. One instance per app, provided by ServiceCoreModule.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Today's calendar date in UTC (dates in the API are plain dates). */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /** For tests only: outside NODE_ENV=test the clock cannot be moved. */
  set(instant: Date | null): void {
    if (process.env['NODE_ENV'] !== 'test') throw new Error('the clock is set only in tests');
    this.fixed = instant;
  }
}
