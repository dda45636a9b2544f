import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

export interface FailedAuthLimitOptions {
  /** Where the counters live, shared by every replica of the service. */
  redisUrl: string;
  /** Failed authentications a client may make per window before it gets 429. */
  limit: number;
  windowSeconds: number;
  /** Prefix of the counters' keys (a test suite may take one of its own). */
  keyPrefix: string;
}

export interface LimitState {
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the counter starts over. */
  resetSeconds: number;
  /** More failures than the limit in this window: the answer is 429. */
  exceeded: boolean;
}

/**
 * Counts failed authentications per client in Redis, in fixed windows (one key per client,
 * expiring with its window); past the limit, failures are answered 429 until the window ends.
 * Successful authentications never touch Redis. When Redis cannot be reached the limiter
 * lets requests through as plain 401s: authentication itself stays closed, only the brake is
 * missing, and that is logged once.
 */
export class FailedAuthLimiter {
  private readonly logger = new Logger('FailedAuthLimiter');
  private readonly redis: Redis;
  private warned = false;

  constructor(private readonly options: FailedAuthLimitOptions) {
    this.redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: true });
    this.redis.on('error', () => undefined);
  }

  /** Counts one failure; returns the state after it. */
  async recordFailure(client: string): Promise<LimitState | undefined> {
    const key = this.key(client);
    try {
      const results = (await this.redis
        .multi()
        .set(key, 0, 'PX', this.options.windowSeconds * 1000, 'NX')
        .incr(key)
        .pttl(key)
        .exec()) as [unknown, [unknown, number], [unknown, number]];
      const count = results[1][1];
      return {
        limit: this.options.limit,
        remaining: Math.max(0, this.options.limit - count),
        resetSeconds: Math.max(1, Math.ceil(results[2][1] / 1000)),
        exceeded: count > this.options.limit,
      };
    } catch (error) {
      this.unavailable(error);
      return undefined;
    }
  }

  async close(): Promise<void> {
    if (this.redis.status === 'wait' || this.redis.status === 'end') return;
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  private key(client: string): string {
    return `${this.options.keyPrefix}${client}`;
  }

  private unavailable(error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    this.logger.warn(`failed-authentication limit not enforced: Redis unavailable (${(error as Error).message})`);
  }
}
