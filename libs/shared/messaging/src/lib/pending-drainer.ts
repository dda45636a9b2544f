import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@rj/shared/contracts';
import {
  applyEvents,
  applyEventsWithoutSavepoints,
  providedBy,
  type ApplyInput,
  type ApplyOutcome,
} from './apply-event';
import type { MessagingLogger } from './messaging-logger';
import type { Subscription } from './subscription';

interface PendingRow {
  seq: string;
  topic: string;
  ordering_key: string;
  attempts: number;
  envelope: EventEnvelope;
}

export interface PendingDrainerOptions {
  dataSource: DataSource;
  groupId: string;
  logger: MessagingLogger;
  byType: Map<string, Subscription>;
  maxAttempts: number;
  deadLetter(envelope: EventEnvelope, topic: string, error: string, attempts: number): Promise<void>;
}

/**
 * Applies parked events once what they wait for has been applied, oldest first per
 * referral. An event that now fails for another reason is retried a bounded number of
 * times across drains, then dead-lettered like any poison message.
 */
export class PendingDrainer {
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly options: PendingDrainerOptions) {}

  /** Runs drains one at a time, so two triggers never race over the same rows. */
  drain(keys: string[]): Promise<void> {
    this.running = this.running
      .then(() => this.drainKeys(keys))
      .catch((error) => this.options.logger.warn({ err: error }, 'pending drain failed'));
    return this.running;
  }

  /** Retries every parked event: a prerequisite may have been applied concurrently. */
  async sweep(): Promise<void> {
    const rows: { waiting_for: string }[] = await this.options.dataSource.query(
      'select distinct waiting_for from pending_event where consumer_group = $1 limit 500',
      [this.options.groupId],
    );
    if (rows.length) await this.drain(rows.map((r) => r.waiting_for));
  }

  idle(): Promise<void> {
    return this.running;
  }

  private async drainKeys(initialKeys: string[]): Promise<void> {
    const { dataSource, groupId } = this.options;
    let keys = initialKeys;
    while (keys.length) {
      const rows: PendingRow[] = await dataSource.query(
        `select seq, topic, ordering_key, attempts, envelope from pending_event
         where consumer_group = $1 and waiting_for = any($2::text[]) order by seq`,
        [groupId, keys],
      );
      const provided: string[] = [];
      // Topic and referral of an event that is still parked or failed: the later ones wait too.
      const blocked = new Set<string>();
      const parked = rows.flatMap((row) => {
        const input = this.inputOf(row);
        return input ? [{ row, input }] : [];
      });
      for (const candidates of runsOf(parked)) {
        const run = candidates.filter(({ row }) => !blocked.has(orderKeyOf(row)));
        const together = await this.applyTogether(run);
        if (together === 'database down') return;
        if (together) provided.push(...together);
        else if (!(await this.applyOneByOne(run, provided, blocked))) return;
      }
      keys = provided;
    }
  }

  /**
   * The usual drain: what the parked events waited for is there now, and a run of them applies
   * in one transaction without savepoints (issue 15: in a catch-up outcome-tracking parked most
   * offers, and gave each its own transaction of eight round trips to drain it). If a handler
   * throws, nothing of it is kept: undefined, and the run is drained one event at a time.
   */
  private async applyTogether(run: ParkedEvent[]): Promise<string[] | undefined | 'database down'> {
    if (run.length < 2) return undefined;
    const inputs = run.map(({ input }) => input);
    let outcome: ApplyOutcome | undefined;
    try {
      outcome = await applyEventsWithoutSavepoints(inputs);
    } catch (error) {
      this.options.logger.warn(
        { err: error },
        'could not reach the database to apply parked events; the sweep will retry',
      );
      return 'database down';
    }
    if (!outcome) return undefined;
    return inputs.flatMap((input, index) => (outcome.results[index]?.kind === 'applied' ? providedBy(input) : []));
  }

  /**
   * Each parked event in a transaction of its own, behind a savepoint: one that parks again or
   * fails holds back the later ones of its referral on its topic. False if the database failed.
   */
  private async applyOneByOne(run: ParkedEvent[], provided: string[], blocked: Set<string>): Promise<boolean> {
    const { logger } = this.options;
    for (const { row, input } of run) {
      const orderKey = orderKeyOf(row);
      if (blocked.has(orderKey)) continue;
      let outcome: ApplyOutcome;
      try {
        outcome = await applyEvents([input]);
      } catch (error) {
        // The database failed, not the event: the periodic sweep tries again later.
        logger.warn({ err: error }, 'could not reach the database to apply parked events; the sweep will retry');
        return false;
      }
      if (outcome.failure) {
        blocked.add(orderKey);
        await this.recordFailure(row, outcome.failure.error);
        continue;
      }
      const [result] = outcome.results;
      if (result.kind === 'parked') blocked.add(orderKey);
      if (result.kind === 'applied') provided.push(...providedBy(input));
    }
    return true;
  }

  /** The parked event as the apply path takes it; undefined for a type this service no longer handles. */
  private inputOf(row: PendingRow): ApplyInput | undefined {
    const { dataSource, groupId, logger, byType } = this.options;
    const subscription = byType.get(row.envelope.type);
    if (!subscription) return undefined;
    return { dataSource, groupId, topic: row.topic, envelope: row.envelope, subscription, logger, pendingSeq: row.seq };
  }

  private async recordFailure(row: PendingRow, error: Error): Promise<void> {
    const { dataSource, maxAttempts, logger } = this.options;
    const attempts = row.attempts + 1;
    if (attempts >= maxAttempts) {
      await this.options.deadLetter(row.envelope, row.topic, error.stack ?? error.message, attempts);
      await dataSource.query('delete from pending_event where seq = $1', [row.seq]);
      logger.error({ eventId: row.envelope.id, attempts }, 'parked event dead-lettered');
      return;
    }
    await dataSource.query('update pending_event set attempts = $1, last_error = $2 where seq = $3', [
      attempts,
      error.message.slice(0, 1000),
      row.seq,
    ]);
  }
}

interface ParkedEvent {
  row: PendingRow;
  input: ApplyInput;
}

/** Parked events that can share a run: consecutive ones of one topic (the inbox records it), at most 100. */
function runsOf(parked: ParkedEvent[]): ParkedEvent[][] {
  const runs: ParkedEvent[][] = [];
  for (const event of parked) {
    const last = runs[runs.length - 1];
    if (last && last[0].row.topic === event.row.topic && last.length < 100) last.push(event);
    else runs.push([event]);
  }
  return runs;
}

function orderKeyOf(row: PendingRow): string {
  return `${row.topic}|${row.ordering_key}`;
}
