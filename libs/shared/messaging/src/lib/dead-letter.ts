import type { IHeaders, KafkaMessage, Producer } from 'kafkajs';
import { DlqHeaders, dlqTopicOf } from '@rj/shared/contracts';
import { messagingMetrics } from './metrics/messaging-metrics';

/** wrong_topic: an event type read from a topic other than its own (see topicMismatch). */
export type DeadLetterReason = 'invalid_json' | 'schema' | 'wrong_topic' | 'handler_failed';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: Pick<KafkaMessage, 'key' | 'value' | 'headers' | 'offset'>;
  groupId: string;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
}

/**
 * What the consumer logs when it dead-letters a message. The reason goes under `reasonCode`:
 * `reason` is a personal-data key of the logs (the free-text reason of a disclosure, say), so
 * under that key the code was logged as "[redacted]" and an operator could not tell a schema
 * error from a failing handler without reading the DLQ.
 */
export function deadLetterLogFields(letter: Omit<DeadLetter, 'message' | 'groupId'> & { offset: string }) {
  return {
    topic: letter.topic,
    partition: letter.partition,
    offset: letter.offset,
    reasonCode: letter.reason,
    attempts: letter.attempts,
    error: letter.error.slice(0, 500),
  };
}

/**
 * Moves a message the consumer cannot process to `<topic>.dlq`, unchanged, with why in its
 * headers, so the partition goes on and an operator can inspect and replay it.
 * The error text is cut short: it may quote the payload, which can hold ciphertext only.
 */
export async function sendToDeadLetter(producer: Producer, letter: DeadLetter): Promise<void> {
  const headers: IHeaders = {
    ...(letter.message.headers ?? {}),
    [DlqHeaders.reason]: letter.reason,
    [DlqHeaders.error]: letter.error.slice(0, 2000),
    [DlqHeaders.attempts]: String(letter.attempts),
    [DlqHeaders.originalTopic]: letter.topic,
    [DlqHeaders.originalPartition]: String(letter.partition),
    [DlqHeaders.originalOffset]: letter.message.offset,
    [DlqHeaders.consumerGroup]: letter.groupId,
    [DlqHeaders.failedAt]: new Date().toISOString(),
  };
  await producer.send({
    topic: dlqTopicOf(letter.topic),
    acks: -1,
    messages: [{ key: letter.message.key, value: letter.message.value, headers }],
  });
  messagingMetrics().deadLettered.inc({ topic: letter.topic, reason: letter.reason });
}
