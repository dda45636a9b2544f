/**
 * Thrown by a handler when the event depends on another that has not been applied yet; the
 * consumer parks the event in `pending_event` and applies it once an event whose subscription
 * `provides` the key is applied. Never dead-lettered. Two cases, one mechanism:
 * - from ANOTHER topic (an `offer.accepted` before its `referral.submitted`): across topics
 *   Kafka keeps no order, so this is normal. Later events of the same referral on this topic
 *   park behind it, keeping their order.
 * - from the SAME topic (a `referral.screened` re-driven from the DLQ ahead of its
 *   `referral.submitted`): the later event that provides the key is not held behind the
 *   parked one; it applies, and the parked events run right after it, in their order.
 * See the library's README for the states an event goes through.
 */
export class MissingPrerequisite extends Error {
  readonly key: string;

  constructor(key: string) {
    // A signal, not a fault: nothing reads its stack, and capturing one for every parked event
    // cost a consumer that parks many (cross-topic, under a backlog) a per cent of its time.
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(`waiting for ${key}`);
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    this.key = key;
    this.name = 'MissingPrerequisite';
  }
}

/** The key a parked event waits for and a prerequisite event provides, e.g. `referral:<id>`. */
export function prerequisiteKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}
