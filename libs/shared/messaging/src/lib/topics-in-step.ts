import type { Admin, Kafka, KafkaMessage } from 'kafkajs';
import type { MessagingLogger } from './messaging-logger';
import { partitionLags } from './metrics/consumer-lag';
import { messagingMetrics } from './metrics/messaging-metrics';
import { TimeAlignment } from './time-alignment';

export interface TopicsInStepOptions {
  kafka: Kafka;
  groupId: string;
  /** Topics, as Kafka names them, with a subscription that provides prerequisites. */
  providingTopics: ReadonlySet<string>;
  /** The longest a partition waits for the others (CONSUMER_TOPIC_WAIT_MAX_MS). */
  maxWaitMs: number;
  logger: MessagingLogger;
}

/**
 * An EventConsumer's side of TimeAlignment (see there for why and the rule): it learns at each
 * join which partitions are behind, pauses a partition at the event that must wait and resumes
 * it when the other topics have reached that event's time, or when it has waited `maxWaitMs`.
 * A paused partition is fetched again from its last resolved offset when it resumes.
 */
export class TopicsInStep {
  private readonly alignment: TimeAlignment;
  private readonly aligned = new Map<string, boolean>();
  private admin?: Admin;
  private timer?: NodeJS.Timeout;
  /** A look-up that answers for an earlier join is void. */
  private joins = 0;
  private learning: Promise<void> = Promise.resolve();

  constructor(private readonly options: TopicsInStepOptions) {
    this.alignment = new TimeAlignment(options.providingTopics, options.maxWaitMs);
  }

  /** Whether events of the topic can wait at all (another of the consumer's topics provides). */
  aligns(topic: string): boolean {
    let aligns = this.aligned.get(topic);
    if (aligns === undefined) this.aligned.set(topic, (aligns = this.alignment.aligns(topic)));
    return aligns;
  }

  /**
   * A new assignment (kafkajs's GROUP_JOIN): the waits of the last one end, and the broker is
   * asked which partitions of the providing topics are behind (`ready` until it answers).
   */
  joined(memberAssignment: Record<string, number[]>): Promise<void> {
    const join = ++this.joins;
    const assignment = Object.entries(memberAssignment).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic, partition })),
    );
    for (const resume of this.alignment.joined(assignment)) resume();
    const providing = [...new Set(assignment.map(({ topic }) => topic))].filter((topic) =>
      this.options.providingTopics.has(topic),
    );
    this.learning = providing.length ? this.learn(join, providing) : Promise.resolve();
    return this.learning;
  }

  /**
   * Resolves once the broker has said which partitions are behind since the last join: a batch
   * of an aligned topic awaits it rather than pausing. A partition paused now would be fetched
   * again only when the fetch in flight returns, which on quiet topics is the fetch's whole
   * wait (KAFKA_FETCH_MAX_WAIT_MS); the look-up takes a few milliseconds.
   */
  ready(): Promise<void> {
    return this.learning;
  }

  private async learn(join: number, providing: string[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      // Batches await this: no longer than a wait may last, whatever the broker does.
      const lags = await Promise.race([
        this.lagsOf(providing),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer in ${this.options.maxWaitMs} ms`)),
            this.options.maxWaitMs,
          );
        }),
      ]);
      if (join !== this.joins) return;
      this.alignment.learned(lags.map(({ topic, partition, lag }) => ({ topic, partition, behind: lag > 0 })));
    } catch (error) {
      if (join !== this.joins) return;
      // Without it no partition holds another back: events park when they must, as before.
      this.options.logger.warn({ err: error }, 'could not learn which partitions are behind; topics not kept in step');
      this.alignment.learnedNothing();
    } finally {
      clearTimeout(timer);
    }
    this.release();
  }

  private async lagsOf(topics: string[]) {
    if (!this.admin) {
      this.admin = this.options.kafka.admin();
      await this.admin.connect();
    }
    return partitionLags(this.admin, this.options.groupId, topics);
  }

  /** Whether the partition must stop at this event until the other topics reach its time. */
  mustWait(topic: string, message: KafkaMessage): boolean {
    return this.aligns(topic) && this.alignment.mustWait(topic, Number(message.timestamp));
  }

  /** Whether the partition is paused at an event: a batch of it delivered meanwhile is not to be applied. */
  isWaiting(topic: string, partition: number): boolean {
    return this.alignment.isWaiting(topic, partition);
  }

  /** Pauses the partition at this event (kafkajs's `pause` of the batch), until `release` resumes it. */
  wait(topic: string, partition: number, message: KafkaMessage, pause: () => () => void): void {
    const resume = pause();
    this.alignment.wait(topic, partition, Number(message.timestamp), Date.now(), resume);
    this.schedule();
  }

  /** The partition applied or skipped events up to this one; `behind` if Kafka holds more. */
  applied(topic: string, partition: number, message: KafkaMessage, behind: boolean): void {
    this.alignment.applied(topic, partition, Number(message.timestamp), behind);
    if (this.alignment.anyWaiting()) this.release();
  }

  async stop(): Promise<void> {
    this.joins++;
    clearTimeout(this.timer);
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = undefined;
  }

  private release(): void {
    const now = Date.now();
    for (const { resume, topic, ended, waitedMs } of this.alignment.release(now)) {
      messagingMetrics().waitsForOtherTopics.observe({ topic, ended }, waitedMs / 1000);
      resume();
    }
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    const at = this.alignment.nextTimeout();
    if (at === undefined) return;
    this.timer = setTimeout(() => this.release(), Math.max(at - Date.now(), 0));
    this.timer.unref();
  }
}
