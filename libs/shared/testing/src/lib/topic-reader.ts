import { randomUUID } from 'node:crypto';
import type { IHeaders } from 'kafkajs';
import { testKafka } from './test-topics';

export interface ReadMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, String(Array.isArray(v) ? v[0] : v)]));
}

/**
 * Reads topics from the beginning, in a throwaway group, until `done(messages)` holds or the
 * timeout passes; returns everything read. For asserting what really went over the wire.
 */
export async function readTopics(
  topics: string[],
  done: (messages: ReadMessage[]) => boolean,
  timeoutMs = 20_000,
): Promise<ReadMessage[]> {
  const consumer = testKafka('rj-test-reader').consumer({
    groupId: `reader-${randomUUID()}`,
    sessionTimeout: 6000,
    heartbeatInterval: 500,
  });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  try {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          messages.push({
            topic,
            partition,
            offset: message.offset,
            key: message.key ? String(message.key) : null,
            value: String(message.value ?? ''),
            headers: headersOf(message.headers),
          });
          if (done(messages)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
      if (done(messages)) resolve();
    });
  } finally {
    await consumer.disconnect();
  }
  return messages;
}

/** Polls `probe` until it returns a truthy value or the timeout passes (then throws). */
export async function eventually<T>(
  probe: () => Promise<T>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)})`);
}
