import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource, LessThanOrEqual, MoreThan } from 'typeorm';
import { OfferEntity } from '@rj/matching/data-access';
import { JobRunner } from '@rj/shared/jobs';
import { Clock, SERVICE_CONFIG } from '@rj/shared/service';
import type { PartnerMatchingEnv } from '../partner-matching.env';
import { OfferFlow } from './offer-flow.service';
import { offerExpireJob } from './offer-expire.job';

export interface SweepResult {
  expired: number;
  rescheduled: number;
}

const BATCH = 500;

/**
 * Postgres holds every offer's `expiresAt`; the BullMQ job only saves waiting (architecture.md,
 * Jobs). At start-up and then every OFFER_SWEEP_EVERY_MS this expires every pending offer whose
 * deadline passed (its job lost with Redis, or never enqueued before a crash) and re-adds the
 * job of every pending offer still in its window; re-adding an existing job id is a no-op.
 */
@Injectable()
export class OfferSweep implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OfferSweep.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<SweepResult>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly flow: OfferFlow,
    private readonly jobs: JobRunner,
    private readonly clock: Clock,
    @Inject(SERVICE_CONFIG) private readonly config: PartnerMatchingEnv,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.sweepSafely();
    this.timer = setInterval(() => void this.sweepSafely(), this.config.OFFER_SWEEP_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One pass; overlapping calls share it. */
  sweep(now = this.clock.now()): Promise<SweepResult> {
    this.running ??= this.sweepOnce(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async sweepSafely(): Promise<void> {
    try {
      const { expired, rescheduled } = await this.sweep();
      if (expired) this.logger.log(`expired ${expired} overdue offer(s) whose job had not run`);
      if (rescheduled) this.logger.debug(`re-added ${rescheduled} expiry job(s)`);
    } catch (error) {
      this.logger.warn(
        `offer sweep failed, the next run retries: ${(error as Error).name}: ${(error as Error).message}`,
      );
    }
  }

  private async sweepOnce(now: Date): Promise<SweepResult> {
    const offers = this.dataSource.getRepository(OfferEntity);
    let expired = 0;
    for (;;) {
      const overdue = await offers.find({
        select: { id: true },
        where: { status: 'pending', expiresAt: LessThanOrEqual(now) },
        order: { expiresAt: 'ASC' },
        take: BATCH,
      });
      for (const { id } of overdue) if ((await this.flow.expire(id, now)) === 'expired') expired++;
      if (overdue.length < BATCH) break;
    }
    // At most one pending offer per referral in matching: a short list.
    const upcoming = await offers.find({
      select: { id: true, expiresAt: true },
      where: { status: 'pending', expiresAt: MoreThan(now) },
    });
    for (const { id, expiresAt } of upcoming)
      await this.jobs.enqueue(offerExpireJob, { offerId: id }, { at: expiresAt });
    return { expired, rescheduled: upcoming.length };
  }
}
