import { Logger } from '@nestjs/common';
import type { JobDefinition, JobLogger, JobRunner } from '@rj/shared/jobs';
import type { DataSource } from 'typeorm';
import type { WebhookDeliverPayload } from './webhook-deliver.job';
import { WebhookDeliveryEntity } from './webhook-delivery.entity';

/**
 * Hands due deliveries to BullMQ. Deliveries are written in the transactions of the changes
 * they report (often a Kafka handler's), so nothing can enqueue right after commit there; this
 * sweep, run every few seconds, does it. A round is enqueued once (`queued_round`); every tenth
 * sweep re-adds every due pending round, which repairs a Redis loss (re-adding an existing job
 * id is a no-op).
 */
export class WebhookDispatcher {
  private timer?: NodeJS.Timeout;
  private sweeps = 0;
  private running?: Promise<void>;
  private readonly logger: JobLogger;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobRunner,
    private readonly job: JobDefinition<WebhookDeliverPayload>,
    options: { readonly logger?: JobLogger; readonly now?: () => Date } = {},
  ) {
    this.logger = options.logger ?? new Logger('Webhooks');
    this.now = options.now ?? (() => new Date());
  }

  private readonly now: () => Date;

  /** Enqueues due rounds not yet enqueued (or, with `repair`, every due one); returns how many. */
  async enqueueDue(repair = false, batchSize = 500): Promise<number> {
    let total = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const query = this.dataSource
        .getRepository(WebhookDeliveryEntity)
        .createQueryBuilder('d')
        .innerJoin('webhook_endpoint', 'e', `e.id = d.endpoint_id AND e.status = 'active'`)
        .select(['d.id', 'd.round'])
        .where(`d.status = 'pending'`)
        .andWhere('d.release_at <= :now', { now: this.now() })
        .andWhere('d.id > :after', { after })
        .orderBy('d.id', 'ASC')
        .limit(batchSize);
      if (!repair) query.andWhere('(d.queued_round IS NULL OR d.queued_round <> d.round)');
      const rows = await query.getMany();
      for (const row of rows) {
        await this.jobs.enqueue(this.job, { deliveryId: row.id, round: row.round });
        await this.dataSource
          .getRepository(WebhookDeliveryEntity)
          .update({ id: row.id, round: row.round }, { queuedRound: row.round });
      }
      total += rows.length;
      if (rows.length < batchSize) return total;
      after = rows[rows.length - 1].id;
    }
  }

  async startSweep(everyMs: number): Promise<void> {
    this.stopSweep();
    await this.sweepOnce();
    this.timer = setInterval(() => void this.sweepOnce(), everyMs);
    this.timer.unref();
  }

  stopSweep(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits for a sweep in progress, so shutdown does not close the queue under it. */
  async idle(): Promise<void> {
    await this.running;
  }

  private async sweepOnce(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        this.sweeps += 1;
        await this.enqueueDue(this.sweeps % 10 === 0);
      } catch (error) {
        this.logger.warn(`webhook sweep failed, the next one retries: ${(error as Error).name}`);
      } finally {
        this.running = undefined;
      }
    })();
    await this.running;
  }
}
