/**
 * Keeps a consumer's topics in step by time while it catches up, so that an event is applied
 * after the events of other topics published before it, as Kafka Streams does for the
 * partitions of one task.
 *
 * Why: a consumer that lags reads each partition in fetches bounded in bytes, so a topic of
 * small events (an `offer.made`, 0.6 KB) runs ahead in time of a topic of large ones (a
 * `referral.submitted`, 2.7 KB). An event that then arrives before the event it depends on is
 * parked, its run rolled back and done again with savepoints, and drained later: several times
 * what applying it costs. In a weighted run at 100/s, outcome-tracking parked 4,884 of about
 * 17,000 events.
 *
 * The rule: an event of topic T published at `t` waits while a partition of another topic that
 * provides prerequisites (a subscription with `provides`) has events not applied yet from before
 * `t`. What each partition is known to hold next is a lower bound on the time of its next event:
 * - its head, when it waits itself (exact: the event it stopped at);
 * - the time of the last event applied, when it is behind (more events are in Kafka), since a
 *   partition's events are published in order;
 * - unknown (−∞) between joining the group and learning which partitions are behind;
 * - none (+∞) when it has caught up: what it gets next is published after now.
 * A wait compares with heads strictly, so two waiting partitions never wait for each other: the
 * one with the earliest head goes on. And no wait lasts beyond `maxWaitMs`: a partition that does
 * not move (a poison event in its retries, a stalled fetch) is then taken as caught up, and the
 * event goes on as it would without this, parking if it must. Parking stays what makes the order
 * right; this only makes it rare.
 */
export interface TopicPartition {
  topic: string;
  partition: number;
}

type Entry = TopicPartition & { known: Known };

type Known =
  | { state: 'unknown' }
  | { state: 'behind'; nextAtLeast: number }
  | { state: 'caught-up' }
  | { state: 'waiting'; head: number; since: number; resume: () => void };

export type WaitEnded = 'caught_up' | 'timed_out';

export interface Released {
  resume: () => void;
  topic: string;
  ended: WaitEnded;
  waitedMs: number;
}

export class TimeAlignment {
  private readonly partitions = new Map<string, Entry>();

  /** @param providingTopics topics (as Kafka names them) with a subscription that provides prerequisites. */
  constructor(
    private readonly providingTopics: ReadonlySet<string>,
    private readonly maxWaitMs: number,
  ) {}

  /** Whether events of this topic ever wait: only when another of the consumer's topics provides. */
  aligns(topic: string): boolean {
    for (const providing of this.providingTopics) if (providing !== topic) return true;
    return false;
  }

  /**
   * A new assignment: what was known is void, and the waits end (their partitions may be
   * another member's now). Partitions of providing topics are unknown until `learned`.
   * Returns the resumes of the waits that ended.
   */
  joined(assignment: TopicPartition[]): (() => void)[] {
    const resumes = this.waits().map((waiting) => waiting.known.resume);
    this.partitions.clear();
    for (const { topic, partition } of assignment)
      if (this.providingTopics.has(topic))
        this.partitions.set(key(topic, partition), { topic, partition, known: { state: 'unknown' } });
    return resumes;
  }

  /** Which assigned partitions of providing topics have events not applied yet. */
  learned(partitions: (TopicPartition & { behind: boolean })[]): void {
    for (const { topic, partition, behind } of partitions) {
      const entry = this.partitions.get(key(topic, partition));
      if (entry?.known.state !== 'unknown') continue;
      entry.known = behind ? { state: 'behind', nextAtLeast: Number.NEGATIVE_INFINITY } : { state: 'caught-up' };
    }
  }

  /** Nothing could be learned (Kafka's admin API failed): no partition holds anything back. */
  learnedNothing(): void {
    for (const entry of this.partitions.values())
      if (entry.known.state === 'unknown') entry.known = { state: 'caught-up' };
  }

  /** The partition applied (or skipped) events up to one published at `timestamp`; `behind` if more are in Kafka. */
  applied(topic: string, partition: number, timestamp: number, behind: boolean): void {
    if (!this.providingTopics.has(topic)) return;
    const entry = this.partitions.get(key(topic, partition)) ?? this.track(topic, partition);
    if (entry.known.state === 'waiting') return; // its wait ends in `release`, which hands back its resume
    // Within a partition, events are published in order: the next one is no earlier than this.
    entry.known = behind ? { state: 'behind', nextAtLeast: timestamp } : { state: 'caught-up' };
  }

  /** Whether an event of `topic` published at `timestamp` must wait for another topic. */
  mustWait(topic: string, timestamp: number): boolean {
    return this.blocking(topic, timestamp).length > 0;
  }

  /** Whether the partition waits at an event. */
  isWaiting(topic: string, partition: number): boolean {
    return this.partitions.get(key(topic, partition))?.known.state === 'waiting';
  }

  anyWaiting(): boolean {
    for (const entry of this.partitions.values()) if (entry.known.state === 'waiting') return true;
    return false;
  }

  /** The partition stops at its event published at `head` until `release` hands back `resume`. */
  wait(topic: string, partition: number, head: number, now: number, resume: () => void): void {
    const entry = this.partitions.get(key(topic, partition)) ?? this.track(topic, partition);
    entry.known = { state: 'waiting', head, since: now, resume };
  }

  /** The waits that are over: the topics they waited for reached their head, or they waited `maxWaitMs`. */
  release(now: number): Released[] {
    const released: Released[] = [];
    // A wait that timed out takes the partitions it waited for as caught up, which can end others: repeat.
    for (let changed = true; changed;) {
      changed = false;
      for (const entry of this.waits()) {
        const { head, since, resume } = entry.known;
        const blocking = this.blocking(entry.topic, head);
        const timedOut = blocking.length > 0 && now - since >= this.maxWaitMs;
        if (blocking.length && !timedOut) continue;
        // Those that did not move in all that time are taken as caught up, so the next event does not wait again.
        if (timedOut)
          for (const stuck of blocking) if (stuck.known.state !== 'waiting') stuck.known = { state: 'caught-up' };
        (entry as Entry).known = { state: 'behind', nextAtLeast: head };
        released.push({
          resume,
          topic: entry.topic,
          ended: timedOut ? 'timed_out' : 'caught_up',
          waitedMs: now - since,
        });
        changed = true;
      }
    }
    return released;
  }

  /** When the earliest wait times out, if any waits. */
  nextTimeout(): number | undefined {
    const sinces = this.waits().map((waiting) => waiting.known.since);
    return sinces.length ? Math.min(...sinces) + this.maxWaitMs : undefined;
  }

  private blocking(topic: string, timestamp: number): Entry[] {
    const blocking: Entry[] = [];
    for (const entry of this.partitions.values()) {
      if (entry.topic === topic || !this.providingTopics.has(entry.topic)) continue;
      if (nextAtLeast(entry.known) < timestamp) blocking.push(entry);
    }
    return blocking;
  }

  private waits(): (TopicPartition & { known: Extract<Known, { state: 'waiting' }> })[] {
    return [...this.partitions.values()].filter(
      (entry): entry is TopicPartition & { known: Extract<Known, { state: 'waiting' }> } =>
        entry.known.state === 'waiting',
    );
  }

  /** A partition not in the last assignment's providing topics (a waiting one of another topic). */
  private track(topic: string, partition: number): Entry {
    const entry: Entry = { topic, partition, known: { state: 'caught-up' } };
    this.partitions.set(key(topic, partition), entry);
    return entry;
  }
}

/** A lower bound on when the partition's next event to apply was published. */
function nextAtLeast(known: Known): number {
  switch (known.state) {
    case 'unknown':
      return Number.NEGATIVE_INFINITY;
    case 'behind':
      return known.nextAtLeast;
    case 'waiting':
      return known.head;
    case 'caught-up':
      return Number.POSITIVE_INFINITY;
  }
}

function key(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}
