import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The machine's Redis is shared: each test run gets a BullMQ prefix of its own. */
export function uniqueRedisPrefix(label: string): string {
  return `rjtest-${label}-${randomUUID().slice(0, 8)}`;
}

/** Deletes only the keys under one prefix; never FLUSHALL a shared Redis. */
export async function deleteRedisKeysWithPrefix(prefix: string, redisUrl = TEST_REDIS_URL): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}
