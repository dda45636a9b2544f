import session from 'express-session';
import type Redis from 'ioredis';

/**
 * express-session's store on Redis. Small and ours (connect-redis is ESM-only and cannot be
 * required): a session is one JSON value whose Redis expiry is the cookie's, so an idle
 * session disappears on its own.
 */
export class RedisSessionStore extends session.Store {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly idleSeconds: number,
  ) {
    super();
  }

  override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
    this.redis.get(this.key(sid)).then(
      (value) => callback(null, value ? (JSON.parse(value) as session.SessionData) : null),
      (error) => callback(error),
    );
  }

  override set(sid: string, data: session.SessionData, callback?: (error?: unknown) => void): void {
    this.redis.set(this.key(sid), JSON.stringify(data), 'EX', this.ttlOf(data)).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  override touch(sid: string, data: session.SessionData, callback?: () => void): void {
    this.redis.expire(this.key(sid), this.ttlOf(data)).then(
      () => callback?.(),
      () => callback?.(),
    );
  }

  override destroy(sid: string, callback?: (error?: unknown) => void): void {
    this.redis.del(this.key(sid)).then(
      () => callback?.(),
      (error) => callback?.(error),
    );
  }

  private key(sid: string): string {
    return `${this.prefix}${sid}`;
  }

  private ttlOf(data: session.SessionData): number {
    const maxAge = data.cookie?.maxAge;
    return typeof maxAge === 'number' && maxAge > 0 ? Math.ceil(maxAge / 1000) : this.idleSeconds;
  }
}
