/**
 * Thrown by a handler when the event depends on one from another topic that has not
 * arrived yet (an `offer.accepted` before its `referral.submitted`). Across topics Kafka
 * keeps no order, so this is normal: the consumer parks the event in `pending_event` and
 * applies it when an event that `provides` the key is applied. Never dead-lettered.
 *
 * Only for prerequisites from ANOTHER topic. Within one topic a referral's events already
 * arrive in order, and a parked event holds back the later events of its referral on that
 * topic, so waiting there for a later event of the same topic would wait forever.
 */
export class MissingPrerequisite extends Error {
  constructor(readonly key: string) {
    super(`waiting for ${key}`);
    this.name = 'MissingPrerequisite';
  }
}

/** The key a parked event waits for and a prerequisite event provides, e.g. `referral:<id>`. */
export function prerequisiteKey(kind: string, id: string): string {
  return `${kind}:${id}`;
}
