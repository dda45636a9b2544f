import { Injectable } from '@nestjs/common';

/**
 * The service's notion of "now" (architecture.md: time is injectable into domain logic and
 * scans). Production reads the system clock; a test may fix it.
 */
@Injectable()
export class Clock {
  private fixed: Date | null = null;

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** For tests only: outside NODE_ENV=test the clock cannot be moved. */
  set(instant: Date | null): void {
    if (process.env.NODE_ENV !== 'test') throw new Error('the clock is set only in tests');
    this.fixed = instant;
  }
}
