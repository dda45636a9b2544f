import { Logger } from '@nestjs/common';

/**
 * Work that catches up from Postgres, the truth, rather than from a queue that can lose things:
 * run once at start-up, then every `everyMs`. A failed run is logged by the error's name only
 * (a message may quote data) and the next run retries; the timer never keeps the process alive.
 */
export abstract class PeriodicSweep {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;

  /** @param what the sweep in words, for the log line of a failed run ("reminder sweep"). */
  protected constructor(private readonly what: string) {}

  /** One pass; returns how many things it did (added, sent), for tests and logs. */
  abstract sweepOnce(): Promise<number>;

  async start(everyMs: number): Promise<void> {
    await this.runSafely();
    this.timer = setInterval(() => void this.runSafely(), everyMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async runSafely(): Promise<void> {
    try {
      await this.sweepOnce();
    } catch (error) {
      this.logger.warn(`${this.what} failed, the next run retries: ${(error as Error).name}`);
    }
  }
}
